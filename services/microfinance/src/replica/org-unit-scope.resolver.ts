import { Inject, Injectable } from '@nestjs/common';
import { OrgUnitScopeResolver, PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';

/** Scope on microfinance's replica of the hierarchy: the unit or an ancestor (on that date) is in scope. */
@Injectable()
export class MicrofinanceOrgUnitScope implements OrgUnitScopeResolver {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async isWithin(unitCode: string, scopeCodes: string[], onDate: string): Promise<boolean> {
    const r = await this.pool.query<{ code: string }>(
      `WITH RECURSIVE up AS (
         SELECT $1::text AS code, 0 AS depth
         UNION ALL
         SELECT link.parent_code, up.depth + 1 FROM up
           JOIN org_unit_parent_replica link ON link.code = up.code
                AND link.valid_from <= $2 AND (link.valid_to IS NULL OR link.valid_to >= $2)
          WHERE up.depth < 10
       ) SELECT code FROM up`,
      [unitCode, onDate],
    );
    return r.rows.some((row) => scopeCodes.includes(row.code));
  }
}
