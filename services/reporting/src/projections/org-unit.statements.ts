import { OrgUnitDefinedV1, OrgUnitReparentedV1, OrgUnitRetiredV1 } from '@ishc/contracts';
import { PoolClient } from 'pg';
import { BatchedStatement, columnArrays, update, upsert } from './batched-statements';

// The org-unit statements of registry.projection.ts. All three touch a unit's row and its parent links,
// so a run of one kind is applied together and a change of kind applies what came before first.
const ORG_UNIT_TABLES = ['rp_org_unit', 'rp_org_unit_parent'];

const UNITS = upsert({
  table: 'rp_org_unit',
  columns: { code: 'text', name: 'text', level: 'text', valid_from: 'date', valid_to: 'date', attributes: 'jsonb' },
  key: ['code'],
  onConflict: 'update',
});

/**
 * A definition gives the parent from validFrom on; later links (reforms) stay. The link of the previous
 * definition, and any before the (new) start, go. A unit defined twice in one run is split (distinctBy):
 * the second definition's deletion depends on the first's start.
 */
export const ORG_UNIT_DEFINED: BatchedStatement<OrgUnitDefinedV1> = {
  touches: ORG_UNIT_TABLES,
  distinctBy: (unit) => unit.code,
  async apply(units, client) {
    const links = columnArrays({ code: 'text', valid_from: 'date' }, units.map((u) => ({ code: u.code, valid_from: u.validFrom })));
    await client.query(
      `DELETE FROM rp_org_unit_parent p USING unnest($1::text[], $2::date[]) AS v(code, valid_from)
        WHERE p.code = v.code AND (p.valid_from <= v.valid_from OR p.valid_from = (SELECT u.valid_from FROM rp_org_unit u WHERE u.code = v.code))`,
      links,
    );
    await UNITS.apply(
      units.map((u) => ({ code: u.code, name: u.name, level: u.level, valid_from: u.validFrom, valid_to: u.validTo, attributes: u.attributes ?? {} })),
      client,
    );
    const parented = units.filter((u) => u.parentCode !== null);
    if (parented.length > 0) {
      await client.query(
        'INSERT INTO rp_org_unit_parent (code, parent_code, valid_from) SELECT * FROM unnest($1::text[], $2::text[], $3::date[])',
        columnArrays({ code: 'text', parent_code: 'text', valid_from: 'date' }, parented.map((u) => ({ code: u.code, parent_code: u.parentCode, valid_from: u.validFrom }))),
      );
    }
    await closeParentLinks(units.map((u) => u.code), client);
  },
};

const VALIDITY_ENDS = update({ table: 'rp_org_unit', columns: { code: 'text', valid_to: 'date' }, key: ['code'] });

export const ORG_UNIT_RETIRED: BatchedStatement<OrgUnitRetiredV1> = {
  touches: ORG_UNIT_TABLES,
  async apply(events, client) {
    await VALIDITY_ENDS.apply(events.map((e) => ({ code: e.code, valid_to: e.validTo })), client);
    await closeParentLinks(events.map((e) => e.code), client);
  },
};

const PARENT_LINKS = upsert({ table: 'rp_org_unit_parent', columns: { code: 'text', parent_code: 'text', valid_from: 'date' }, key: ['code', 'valid_from'], onConflict: 'update' });

export const ORG_UNIT_REPARENTED: BatchedStatement<OrgUnitReparentedV1> = {
  touches: ORG_UNIT_TABLES,
  async apply(events, client) {
    await PARENT_LINKS.apply(events.map((e) => ({ code: e.code, parent_code: e.parentCode, valid_from: e.effectiveOn })), client);
    await closeParentLinks(events.map((e) => e.code), client);
  },
};

/**
 * Each parent link of a unit ends the day before the next one starts, the last one when the unit ends.
 * Computed from the links and the unit as they are now, so closing once after several changes of the
 * same units leaves what closing after each would.
 */
async function closeParentLinks(codes: readonly string[], client: PoolClient): Promise<void> {
  await client.query(
    `UPDATE rp_org_unit_parent p SET valid_to = x.valid_to
       FROM (SELECT l.code, l.valid_from,
                    COALESCE(LEAD(l.valid_from) OVER (PARTITION BY l.code ORDER BY l.valid_from) - 1, u.valid_to) AS valid_to
               FROM rp_org_unit_parent l LEFT JOIN rp_org_unit u ON u.code = l.code WHERE l.code = ANY($1::text[])) x
      WHERE p.code = x.code AND p.valid_from = x.valid_from`,
    [[...new Set(codes)]],
  );
}
