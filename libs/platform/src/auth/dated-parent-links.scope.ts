import { Pool } from 'pg';
import { OrgUnitScopeResolver } from './org-unit-scope';

/**
 * Scope on a service's replica of the hierarchy: a table of dated parent links
 * `(code, parent_code, valid_from, valid_to)`. The unit, or an ancestor through the links valid on the
 * date, must be one of the scope codes. Services that keep such a replica (reporting, microfinance)
 * provide this under ORG_UNIT_SCOPE with their own table.
 */
export class DatedParentLinksScope implements OrgUnitScopeResolver {
  constructor(
    private readonly pool: Pool,
    private readonly linksTable: string,
  ) {
    // The name comes from code, never from a request; still, refuse anything but a plain identifier.
    if (!/^[a-z_][a-z0-9_]*$/.test(linksTable)) throw new Error(`not a table name: ${linksTable}`);
  }

  async isWithin(unitCode: string, scopeCodes: string[], onDate: string): Promise<boolean> {
    const r = await this.pool.query<{ code: string }>(
      `WITH RECURSIVE up AS (
         SELECT $1::text AS code, 0 AS depth
         UNION ALL
         SELECT link.parent_code, up.depth + 1 FROM up
           JOIN ${this.linksTable} link ON link.code = up.code
                AND link.valid_from <= $2 AND (link.valid_to IS NULL OR link.valid_to >= $2)
          WHERE up.depth < 10
       ) SELECT code FROM up`,
      [unitCode, onDate],
    );
    return r.rows.some((row) => scopeCodes.includes(row.code));
  }
}
