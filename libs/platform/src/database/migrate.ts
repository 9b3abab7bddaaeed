import { Pool, PoolClient } from 'pg';

/**
 * Runs `work` in one transaction under a transaction-scoped advisory lock named `lockName`, so several
 * instances starting at once apply their migrations one at a time (concurrent `CREATE TABLE IF NOT
 * EXISTS` can still collide). Rolled back, and the error passed on, if `work` fails.
 */
export async function withLockedMigration<T>(pool: Pool, lockName: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockName]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Runs idempotent DDL under the advisory lock `lockName` (withLockedMigration). */
export async function runLockedMigration(pool: Pool, lockName: string, sql: string): Promise<void> {
  await withLockedMigration(pool, lockName, (client) => client.query(sql));
}
