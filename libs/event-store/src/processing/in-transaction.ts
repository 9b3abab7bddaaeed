import { Pool, PoolClient } from 'pg';

/** Runs `work` in one transaction on a pooled connection; commits only if `work` returns 'commit'. */
export async function inTransaction<T extends { commit: boolean }>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const outcome = await work(client);
    if (!outcome.commit) {
      await client.query('ROLLBACK');
      return outcome;
    }
    // PostgreSQL answers COMMIT of an aborted transaction with a silent ROLLBACK: happens when `work`
    // caught a database error and carried on. Its effect is gone, so this must not count as committed.
    const committed = await client.query('COMMIT');
    if (committed.command !== 'COMMIT') throw new Error('the transaction was aborted by an earlier error (caught inside the handler) and rolled back');
    return outcome;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      // A connection that cannot even roll back must not go back to the pool.
      broken = rollbackError;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
