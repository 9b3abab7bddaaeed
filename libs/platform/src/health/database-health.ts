import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '../tokens';
import { HealthRegistry } from './health-registry';

/** Registers the built-in `database` readiness check: `SELECT 1` on the service's own database. */
@Injectable()
export class DatabaseHealth implements OnModuleInit {
  constructor(
    private readonly health: HealthRegistry,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  onModuleInit(): void {
    this.health.register('database', async () => {
      await this.pool.query('SELECT 1');
    });
  }
}
