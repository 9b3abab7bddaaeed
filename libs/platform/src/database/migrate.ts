import { Pool } from 'pg';

/**
 * Runs idempotent DDL under a transaction-scoped advisory lock named `lockName`, so several instances
 * starting at once apply it one at a time (concurrent `CREATE TABLE IF NOT EXISTS` can still collide).
 */
export async function runLockedMigration(pool: Pool, lockName: string, sql: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockName]);
    await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
