import { OrgUnitDefinedV1 } from '@ishc/contracts';
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

  async children(db: Db, code: string, asOf: string): Promise<OrgUnitDefinedV1[]> {
    const r = await db.query<OrgUnitRow>(
      `SELECT ${COLUMNS} FROM org_units
        WHERE parent_code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2) ORDER BY code`,
      [code, asOf],
    );
    return r.rows.map(toDefinition);
  },

  async save(db: Db, unit: OrgUnitDefinedV1): Promise<void> {
    await db.query(
      `INSERT INTO org_units (code, name, level, parent_code, valid_from, valid_to, attributes)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
         valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, attributes = EXCLUDED.attributes`,
      [unit.code, unit.name, unit.level, unit.parentCode, unit.validFrom, unit.validTo, JSON.stringify(unit.attributes)],
    );
  },

  /** The unit and its ancestors, nearest first, following parents as recorded (one parent per unit for now). */
  async lineage(db: Db, code: string): Promise<string[]> {
    const r = await db.query<{ code: string }>(
      `WITH RECURSIVE up AS (
         SELECT code, parent_code, 0 AS depth FROM org_units WHERE code = $1
         UNION ALL
         SELECT o.code, o.parent_code, up.depth + 1 FROM org_units o JOIN up ON o.code = up.parent_code WHERE up.depth < 10
       ) SELECT code FROM up ORDER BY depth`,
      [code],
    );
    return r.rows.map((row) => row.code);
  },

  /** Commune-level units under (or equal to) `code`, valid on `asOf`, through parents valid that day. */
  async communesUnder(db: Db, code: string, asOf: string): Promise<string[]> {
    const r = await db.query<{ code: string }>(
      `WITH RECURSIVE tree AS (
         SELECT code, level FROM org_units WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)
         UNION ALL
         SELECT c.code, c.level FROM org_units c JOIN tree ON c.parent_code = tree.code
          WHERE c.valid_from <= $2 AND (c.valid_to IS NULL OR c.valid_to >= $2)
       ) SELECT code FROM tree WHERE level = 'commune' ORDER BY code`,
      [code, asOf],
    );
    return r.rows.map((row) => row.code);
  },
};
