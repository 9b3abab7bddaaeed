import { Pool, PoolClient } from 'pg';

/** PostgreSQL's lock_not_available: a statement waited for a lock longer than `lock_timeout`. */
const LOCK_NOT_AVAILABLE = '55P03';

export interface TransactionOptions {
  /**
   * `lock_timeout` for this transaction only (e.g. '300ms'): a statement that would wait longer for a
   * lock fails instead (isLockNotAvailable), so the caller can give way, retry or try again later.
   */
  lockTimeout?: string;
}

/**
 * Runs `work` in one transaction on a pooled connection, outside any ambient unit of work (jobs, DDL,
 * switch-overs): committed when it resolves, rolled back and the error passed on when it throws. A
 * connection that cannot even roll back does not go back to the pool.
 */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    if (options.lockTimeout !== undefined) await client.query(`SELECT set_config('lock_timeout', $1, true)`, [options.lockTimeout]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** True when `error` is a statement giving up on a lock after `lock_timeout` (TransactionOptions). */
export function isLockNotAvailable(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === LOCK_NOT_AVAILABLE;
}
