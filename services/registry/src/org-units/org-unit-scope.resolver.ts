import { Inject, Injectable } from '@nestjs/common';
import { OrgUnitScopeResolver, PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';
import { orgUnitTable } from './org-unit.table';

/**
 * Scope checks on the registry's own hierarchy: the unit or one of its ancestors on that date is in the
 * scope. A unit succeeded `whole` by then stands for its successor (ISHC.md §3: its clubs and members
 * belong to the successor from the effective date), so the successor's officers reach it with no write.
 */
@Injectable()
export class RegistryOrgUnitScope implements OrgUnitScopeResolver {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async isWithin(unitCode: string, scopeCodes: string[], onDate: string): Promise<boolean> {
    const chain = await orgUnitTable.wholeChain(this.pool, unitCode, onDate);
    // Parents are dated (a reform moves units): the ancestors are those of the day concerned.
    const lineage = await orgUnitTable.lineage(this.pool, chain[chain.length - 1], onDate);
    return [...chain, ...lineage].some((code) => scopeCodes.includes(code));
  }
}
