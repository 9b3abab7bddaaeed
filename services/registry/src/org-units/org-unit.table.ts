import { OrgUnitDefinedV1, OrgUnitSucceededV1 } from '@ishc/contracts';
import { UnitFacts } from './domain/org-unit-change-set';
import { Pool, PoolClient } from 'pg';

type Db = Pool | PoolClient;

interface OrgUnitRow {
  code: string;
  name: string;
  level: OrgUnitDefinedV1['level'];
  parent_code: string | null;
  valid_from: string;
  valid_to: string | null;
  attributes: OrgUnitDefinedV1['attributes'];
}

const COLUMNS = `code, name, level, parent_code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(valid_to, 'YYYY-MM-DD') AS valid_to, attributes`;

const toDefinition = (r: OrgUnitRow): OrgUnitDefinedV1 => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  attributes: r.attributes,
});

/** The registry's table of org units (see registry-schema.ts). */
export const orgUnitTable = {
  async find(db: Db, code: string): Promise<OrgUnitDefinedV1 | null> {
    const r = await db.query<OrgUnitRow>(`SELECT ${COLUMNS} FROM org_units WHERE code = $1`, [code]);
    return r.rows[0] ? toDefinition(r.rows[0]) : null;
  },

  /** The parent on a day, through the dated parent links. */
  async parentOn(db: Db, code: string, day: string): Promise<OrgUnitDefinedV1 | null> {
    const r = await db.query<{ parent_code: string }>(
      `SELECT parent_code FROM org_unit_parents WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)
        ORDER BY valid_from DESC LIMIT 1`,
      [code, day],
    );
    return r.rows[0] ? this.find(db, r.rows[0].parent_code) : null;
  },

  /** Units valid on `asOf` whose parent that day is `code`. */
  async children(db: Db, code: string, asOf: string): Promise<OrgUnitDefinedV1[]> {
    const r = await db.query<OrgUnitRow>(
      `SELECT ${COLUMNS} FROM org_units
        WHERE valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)
          AND code IN (SELECT p.code FROM org_unit_parents p
                        WHERE p.parent_code = $1 AND p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to >= $2))
        ORDER BY code`,
      [code, asOf],
    );
    return r.rows.map(toDefinition);
  },

  /** Creates or replaces a definition; its parent holds from validFrom until a later parent link (a reform). */
  async save(db: Db, unit: OrgUnitDefinedV1): Promise<void> {
    // The link of the previous definition and any link before the (new) start go.
    await db.query(
      `DELETE FROM org_unit_parents WHERE code = $1 AND (valid_from <= $2 OR valid_from = (SELECT valid_from FROM org_units WHERE code = $1))`,
      [unit.code, unit.validFrom],
    );
    await db.query(
      `INSERT INTO org_units (code, name, level, parent_code, valid_from, valid_to, attributes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
         valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, attributes = EXCLUDED.attributes`,
      [unit.code, unit.name, unit.level, unit.parentCode, unit.validFrom, unit.validTo, JSON.stringify(unit.attributes)],
    );
    if (unit.parentCode !== null) {
      await db.query('INSERT INTO org_unit_parents (code, parent_code, valid_from) VALUES ($1, $2, $3)', [unit.code, unit.parentCode, unit.validFrom]);
    }
    await closeParentLinks(db, unit.code);
  },

  async reparent(db: Db, code: string, parentCode: string, effectiveOn: string): Promise<void> {
    await db.query(
      `INSERT INTO org_unit_parents (code, parent_code, valid_from) VALUES ($1, $2, $3)
       ON CONFLICT (code, valid_from) DO UPDATE SET parent_code = EXCLUDED.parent_code`,
      [code, parentCode, effectiveOn],
    );
    await closeParentLinks(db, code);
  },

  async retire(db: Db, code: string, validTo: string): Promise<void> {
    await db.query('UPDATE org_units SET valid_to = $2 WHERE code = $1', [code, validTo]);
    await closeParentLinks(db, code);
  },

  async addSuccession(db: Db, s: OrgUnitSucceededV1): Promise<void> {
    await db.query(
      `INSERT INTO org_unit_successions (from_code, to_code, kind, effective_on, change_set_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (from_code, to_code, effective_on) DO UPDATE SET kind = EXCLUDED.kind, change_set_id = EXCLUDED.change_set_id`,
      [s.from, s.to, s.kind, s.effectiveOn, s.changeSetId],
    );
  },

  async recordChangeSet(db: Db, id: string, effectiveOn: string): Promise<void> {
    await db.query('INSERT INTO org_unit_change_sets (change_set_id, effective_on) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, effectiveOn]);
  },

  async changeSetApplied(db: Db, id: string): Promise<boolean> {
    const r = await db.query('SELECT 1 FROM org_unit_change_sets WHERE change_set_id = $1', [id]);
    return (r.rowCount ?? 0) > 0;
  },

  /** Validity and dated parents of the units named, for deciding a change set. */
  async facts(db: Db, codes: string[]): Promise<UnitFacts[]> {
    const r = await db.query<{ code: string; level: UnitFacts['level']; valid_from: string; valid_to: string | null; parents: UnitFacts['parents'] | null }>(
      `SELECT u.code, u.level, to_char(u.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(u.valid_to, 'YYYY-MM-DD') AS valid_to,
              (SELECT json_agg(json_build_object('parentCode', p.parent_code, 'validFrom', to_char(p.valid_from, 'YYYY-MM-DD')) ORDER BY p.valid_from)
                 FROM org_unit_parents p WHERE p.code = u.code) AS parents
         FROM org_units u WHERE u.code = ANY($1::text[])`,
      [codes],
    );
    return r.rows.map((row) => ({ code: row.code, level: row.level, validFrom: row.valid_from, validTo: row.valid_to, parents: row.parents ?? [] }));
  },

  /** Codes of the units whose parent on `day` is one of `codes`. */
  async childCodes(db: Db, codes: string[], day: string): Promise<string[]> {
    const r = await db.query<{ code: string }>(
      `SELECT DISTINCT code FROM org_unit_parents
        WHERE parent_code = ANY($1::text[]) AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`,
      [codes, day],
    );
    return r.rows.map((row) => row.code);
  },

  /** Succession links into (`to`) or out of (`from`) a unit. */
  async successions(db: Db, code: string, direction: 'from' | 'to'): Promise<SuccessionLink[]> {
    const [own, other] = direction === 'from' ? ['from_code', 'to_code'] : ['to_code', 'from_code'];
    const r = await db.query<{ code: string; name: string; level: OrgUnitDefinedV1['level']; kind: SuccessionLink['kind']; effective_on: string }>(
      `SELECT s.${other} AS code, u.name, u.level, s.kind, to_char(s.effective_on, 'YYYY-MM-DD') AS effective_on
         FROM org_unit_successions s JOIN org_units u ON u.code = s.${other}
        WHERE s.${own} = $1 ORDER BY s.effective_on, s.${other}`,
      [code],
    );
    return r.rows.map((row) => ({ code: row.code, name: row.name, level: row.level, kind: row.kind, effectiveOn: row.effective_on }));
  },

  /**
   * The unit followed through `whole` succession links effective by `day`, in order: the unit itself,
   * then each whole successor (a club stays with its commune through these, ISHC.md §3).
   */
  async wholeChain(db: Db, code: string, day: string): Promise<string[]> {
    const r = await db.query<{ code: string }>(
      `WITH RECURSIVE forward AS (
         SELECT $1::text AS code, 0 AS depth
         UNION ALL
         SELECT s.to_code, forward.depth + 1 FROM forward
           JOIN org_unit_successions s ON s.from_code = forward.code AND s.kind = 'whole' AND s.effective_on <= $2
          WHERE forward.depth < 10
       ) SELECT code FROM forward ORDER BY depth`,
      [code, day],
    );
    return r.rows.map((row) => row.code);
  },

  /** `partial` succession links out of any of `codes`, effective by `day`. */
  async partialSuccessionsFrom(db: Db, codes: string[], day: string): Promise<Array<{ from: string; to: string; effectiveOn: string }>> {
    const r = await db.query<{ from_code: string; to_code: string; effective_on: string }>(
      `SELECT from_code, to_code, to_char(effective_on, 'YYYY-MM-DD') AS effective_on FROM org_unit_successions
        WHERE from_code = ANY($1::text[]) AND kind = 'partial' AND effective_on <= $2 ORDER BY effective_on, to_code`,
      [codes, day],
    );
    return r.rows.map((row) => ({ from: row.from_code, to: row.to_code, effectiveOn: row.effective_on }));
  },

  /** The unit and its ancestors on `day`, nearest first, through the parent links valid that day. */
  async lineage(db: Db, code: string, day: string): Promise<string[]> {
    const r = await db.query<{ code: string }>(
      `WITH RECURSIVE up AS (
         SELECT $1::text AS code, 0 AS depth
         UNION ALL
         SELECT p.parent_code, up.depth + 1 FROM up
           JOIN org_unit_parents p ON p.code = up.code AND p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to >= $2)
          WHERE up.depth < 10
       ) SELECT code FROM up ORDER BY depth`,
      [code, day],
    );
    return r.rows.map((row) => row.code);
  },

  /** Commune-level units under (or equal to) `code`, valid on `asOf`, through parents valid that day. */
  async communesUnder(db: Db, code: string, asOf: string): Promise<string[]> {
    const r = await db.query<{ code: string }>(
      `WITH RECURSIVE tree AS (
         SELECT code, level FROM org_units WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)
         UNION ALL
         SELECT c.code, c.level FROM tree
           JOIN org_unit_parents p ON p.parent_code = tree.code AND p.valid_from <= $2 AND (p.valid_to IS NULL OR p.valid_to >= $2)
           JOIN org_units c ON c.code = p.code AND c.valid_from <= $2 AND (c.valid_to IS NULL OR c.valid_to >= $2)
       ) SELECT code FROM tree WHERE level = 'commune' ORDER BY code`,
      [code, asOf],
    );
    return r.rows.map((row) => row.code);
  },

  /**
   * The commune-level units `unit` stands for on `asOf`: those under it that day while it is valid, its
   * footprint once it has ended (ISHC.md §3: what a plan on an ended unit is evaluated on), none before it
   * begins.
   */
  async communesCoveredBy(db: Db, unit: OrgUnitDefinedV1, asOf: string): Promise<string[]> {
    if (unit.validTo !== null && asOf > unit.validTo) return (await this.footprint(db, unit.code, unit.validTo, asOf)).map((u) => u.code);
    return this.communesUnder(db, unit.code, asOf);
  },

  /**
   * The footprint of a unit that ended (ISHC.md §3): the commune-level units that succeed, through
   * `whole` links effective by `asOf`, the communes under it on its last day (a commune not succeeded
   * whole stands for itself).
   */
  async footprint(db: Db, code: string, lastDay: string, asOf: string): Promise<OrgUnitDefinedV1[]> {
    const communes = await this.communesUnder(db, code, lastDay);
    const r = await db.query<OrgUnitRow>(
      `WITH RECURSIVE forward AS (
         SELECT c AS code, 0 AS depth FROM unnest($1::text[]) AS c
         UNION ALL
         SELECT s.to_code, forward.depth + 1 FROM forward
           JOIN org_unit_successions s ON s.from_code = forward.code AND s.kind = 'whole' AND s.effective_on <= $2
          WHERE forward.depth < 10
       )
       SELECT ${COLUMNS} FROM org_units
        WHERE level = 'commune' AND code IN (SELECT code FROM forward)
          AND NOT EXISTS (SELECT 1 FROM org_unit_successions s WHERE s.from_code = org_units.code AND s.kind = 'whole' AND s.effective_on <= $2)
        ORDER BY code`,
      [communes, asOf],
    );
    return r.rows.map(toDefinition);
  },
};

export interface SuccessionLink {
  code: string;
  name: string;
  level: OrgUnitDefinedV1['level'];
  kind: OrgUnitSucceededV1['kind'];
  effectiveOn: string;
}

/** Each parent link ends the day before the next one starts, the last one when the unit ends. */
async function closeParentLinks(db: Db, code: string): Promise<void> {
  await db.query(
    `UPDATE org_unit_parents p SET valid_to = x.valid_to
       FROM (SELECT pp.code, pp.valid_from,
                    COALESCE(LEAD(pp.valid_from) OVER (PARTITION BY pp.code ORDER BY pp.valid_from) - 1, u.valid_to) AS valid_to
               FROM org_unit_parents pp JOIN org_units u ON u.code = pp.code WHERE pp.code = $1) x
      WHERE p.code = x.code AND p.valid_from = x.valid_from`,
    [code],
  );
}
