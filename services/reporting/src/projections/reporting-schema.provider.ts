import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';
import { migrateReportingSchema } from './reporting-schema';

/** Creates the read-model tables when the service starts (idempotent). */
@Injectable()
export class ReportingSchema implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onModuleInit(): Promise<void> {
    return migrateReportingSchema(this.pool);
  }
}
