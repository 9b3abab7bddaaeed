import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';
import { migratePlanTable } from './plan.table';

/** Creates the plans table when the service starts (idempotent). */
@Injectable()
export class PlanSchema implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onModuleInit(): Promise<void> {
    return migratePlanTable(this.pool);
  }
}
