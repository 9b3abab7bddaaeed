import { Inject, Injectable } from '@nestjs/common';
import { OrgUnitScopeResolver, PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';
import { orgUnitTable } from './org-unit.table';

/** Scope checks on the registry's own hierarchy: the unit or one of its ancestors is in the scope. */
@Injectable()
export class RegistryOrgUnitScope implements OrgUnitScopeResolver {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async isWithin(unitCode: string, scopeCodes: string[], _onDate: string): Promise<boolean> {
    // Parents are single for now (a unit keeps its parent for its whole validity); reforms will date them.
    const lineage = await orgUnitTable.lineage(this.pool, unitCode);
    return lineage.some((code) => scopeCodes.includes(code));
  }
}
