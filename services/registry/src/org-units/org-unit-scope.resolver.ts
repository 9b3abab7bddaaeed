import { Inject, Injectable } from '@nestjs/common';
import { OrgUnitScopeResolver, PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';
import { orgUnitTable } from './org-unit.table';

/** Scope checks on the registry's own hierarchy: the unit or one of its ancestors on that date is in the scope. */
@Injectable()
export class RegistryOrgUnitScope implements OrgUnitScopeResolver {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async isWithin(unitCode: string, scopeCodes: string[], onDate: string): Promise<boolean> {
    // Parents are dated (a reform moves units): the ancestors are those of the day concerned.
    const lineage = await orgUnitTable.lineage(this.pool, unitCode, onDate);
    return lineage.some((code) => scopeCodes.includes(code));
  }
}
