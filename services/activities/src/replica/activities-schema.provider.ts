import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';
import { migrateActivitiesSchema } from './activities-schema';

/** Creates activities' replica tables when the service starts (idempotent). */
@Injectable()
export class ActivitiesSchema implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onModuleInit(): Promise<void> {
    return migrateActivitiesSchema(this.pool);
  }
}
