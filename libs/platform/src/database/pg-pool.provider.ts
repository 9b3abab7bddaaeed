import { FactoryProvider, Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { ServiceConfig } from '../config/service-config';
import { PG_POOL, PLATFORM_CONFIG } from '../tokens';

/**
 * Sessions left idle inside a transaction hold back the xmin horizon, which stalls every event-store
 * subscriber (DESIGN §4), so the server ends them after this long.
 */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

export function createServicePool(config: ServiceConfig): Pool {
  return survivingIdleClientErrors(
    new Pool({
      connectionString: config.databaseUrl,
      max: 10,
      application_name: `ishc-${config.service}`,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
    }),
  );
}

const poolLogger = new Logger('PgPool');

/**
 * A pool re-emits the error of an idle client (the server restarted, or ended the session) as its own
 * 'error' event; unheard, that event kills the process. The pool has already dropped the client and opens
 * a new one on the next query, so a warning is the whole answer.
 */
export function survivingIdleClientErrors(pool: Pool): Pool {
  pool.on('error', (error) => poolLogger.warn({ err: { message: error.message, code: (error as { code?: string }).code } }, 'an idle database connection was lost'));
  return pool;
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
