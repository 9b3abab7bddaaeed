import { FactoryProvider, Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { ServiceConfig } from '../config/service-config';
import { PG_POOL, PLATFORM_CONFIG } from '../tokens';

/**
 * Sessions left idle inside a transaction hold back the xmin horizon, which stalls every event-store
 * subscriber (DESIGN §4), so the server ends them after this long.
 */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

export function createServicePool(config: ServiceConfig): Pool {
  return new Pool({
    connectionString: config.databaseUrl,
    max: 10,
    application_name: `ishc-${config.service}`,
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
}

export const pgPoolProvider: FactoryProvider<Pool> = {
  provide: PG_POOL,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: ServiceConfig) => createServicePool(config),
};

/** Ends the pool when the app closes (after every other shutdown hook that may still query). */
@Injectable()
export class PgPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
