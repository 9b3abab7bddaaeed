import { Inject, Injectable } from '@nestjs/common';
import { DatedParentLinksScope, PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';

/** Scope on activities' replica of the hierarchy (the replicated dated parent links). */
@Injectable()
export class ActivitiesOrgUnitScope extends DatedParentLinksScope {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super(pool, 'org_unit_parent_replica');
  }
}
