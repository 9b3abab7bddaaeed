import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { PG_POOL } from '@ishc/platform';
import { Pool } from 'pg';
import { migrateRegistrySchema } from './registry-schema';

/** Creates the registry's read tables when the service starts (idempotent). */
@Injectable()
export class RegistrySchema implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onModuleInit(): Promise<void> {
    return migrateRegistrySchema(this.pool);
  }
}
