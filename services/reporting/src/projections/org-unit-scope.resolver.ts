import { Inject, Injectable } from '@nestjs/common';
import { DatedParentLinksScope, PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';

/** Scope on reporting's own replica of the hierarchy (the projected dated parent links). */
@Injectable()
export class ReportingOrgUnitScope extends DatedParentLinksScope {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super(pool, 'rp_org_unit_parent');
  }
}
