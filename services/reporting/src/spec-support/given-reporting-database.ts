import { createTestDatabase, TestDatabase } from '@ishc/testing';
import { Pool, PoolClient } from 'pg';
import { migrateReportingSchema } from '../projections/reporting-schema';

export interface ReportingDatabase {
  /** The fresh database (from beforeAll on). */
  readonly pool: Pool;
  /** Runs `work` in one transaction on a connection of its own, as a projection applies a batch. */
  inTransaction(work: (client: PoolClient) => Promise<void>): Promise<void>;
}

/**
 * A fresh database with reporting's schema for the describe block it is called in (created before all its
 * tests, dropped after), for the projection specs. A block that seeds it does so in a beforeAll of its own,
 * registered after this call.
 */
export function givenReportingDatabase(prefix: string): ReportingDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(prefix);
    await migrateReportingSchema(db.pool);
  });
  afterAll(() => db?.drop());

  const pool = (): Pool => {
    if (!db) throw new Error('the reporting database exists from beforeAll on');
    return db.pool;
  };
  return {
    get pool() {
      return pool();
    },
    async inTransaction(work) {
      const client = await pool().connect();
      try {
        await client.query('BEGIN');
        await work(client);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    },
  };
}
