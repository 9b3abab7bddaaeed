import { Pool, PoolClient } from 'pg';
import { withTransaction } from './with-transaction';

/**
 * Runs `work` in one transaction under a transaction-scoped advisory lock named `lockName`, so several
 * instances starting at once apply their migrations one at a time (concurrent `CREATE TABLE IF NOT
 * EXISTS` can still collide). Rolled back, and the error passed on, if `work` fails.
 */
export function withLockedMigration<T>(pool: Pool, lockName: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockName]);
    return work(client);
  });
}

/** Runs idempotent DDL under the advisory lock `lockName` (withLockedMigration). */
export async function runLockedMigration(pool: Pool, lockName: string, sql: string): Promise<void> {
  await withLockedMigration(pool, lockName, (client) => client.query(sql));
}
