import { Pool } from 'pg';

/**
 * Runs `work` while no subscription on the PostgreSQL server of `pool` can see new events: subscriptions read
 * only below the oldest transaction still running on the server (gap safety, ADR 0002; transaction ids are
 * server-wide, so any database of it will do), and this holds one open, begun before `work`'s appends. A
 * replica cannot apply them meanwhile — deterministically, with no timing. For specs of "not replicated
 * yet" answers (the embedded transport).
 */
export async function whileSubscriptionsHeldBack<T>(pool: Pool, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // A transaction id is assigned on first use: take one now, so the hold starts before `work`.
    await client.query('SELECT pg_current_xact_id()');
    return await work();
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}
