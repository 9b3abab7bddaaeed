import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../tokens';
import { migrateIdempotencyKeys } from './idempotency-keys.table';

/** Creates the idempotency table when the app starts (advisory-locked, idempotent). */
@Injectable()
export class IdempotencyMigration implements OnModuleInit {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  onModuleInit(): Promise<void> {
    return migrateIdempotencyKeys(this.pool);
  }
}
