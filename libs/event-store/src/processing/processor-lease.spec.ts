import { describeWith, TestDatabase } from '../spec-support/test-fixtures';
import { createEventStoreDatabase } from '../spec-support/event-store-database';
import { eventually } from '../spec-support/eventually';
import { ProcessorLease } from './processor-lease';

describeWith(['postgres'], 'ProcessorLease', () => {
  let db: TestDatabase;
  const held: ProcessorLease[] = [];

  beforeAll(async () => {
    db = await createEventStoreDatabase('es_lease');
  });
  afterAll(async () => {
    await Promise.all(held.map((lease) => lease.release()));
    await db.drop();
  });

  async function acquire(processorId: string, options: Parameters<typeof ProcessorLease.acquire>[2] = {}): Promise<ProcessorLease> {
    const lease = await ProcessorLease.acquire(db.pool, processorId, { retryMs: 20, ...options });
    held.push(lease);
    return lease;
  }

  /** Tries to acquire for a while; resolves to the lease, or to 'still waiting' if it never got it. */
  async function tryAcquire(processorId: string, forMs: number): Promise<ProcessorLease | 'still waiting'> {
    const signal = AbortSignal.timeout(forMs);
    try {
      return await acquire(processorId, { signal });
    } catch (err) {
      if (signal.aborted) return 'still waiting';
      throw err;
    }
  }

  async function leaseRow(processorId: string): Promise<string | undefined> {
    const { rows } = await db.pool.query<{ holder: string }>('SELECT holder FROM processor_leases WHERE processor_id = $1', [processorId]);
    return rows[0]?.holder;
  }

  it('gives the lease to one instance at a time', async () => {
    const contenders = [1, 2, 3].map(() => tryAcquire('exclusive', 1_500));
    const outcomes = await Promise.all(contenders);
    const winners = outcomes.filter((o): o is ProcessorLease => o !== 'still waiting');
    expect(winners).toHaveLength(1);
    expect(winners[0].isHeld()).toBe(true);
    expect(await leaseRow('exclusive')).toBe(winners[0].holder);
    await winners[0].release();
  });

  it('keeps different processor ids independent', async () => {
    const a = await acquire('independent-a');
    const b = await acquire('independent-b');
    expect(a.isHeld() && b.isHeld()).toBe(true);
    await Promise.all([a.release(), b.release()]);
  });

  it('hands over on release, to a waiting instance', async () => {
    const first = await acquire('handover');
    const waiting = acquire('handover');
    expect(await tryAcquire('handover', 200)).toBe('still waiting');
    await first.release();
    const second = await waiting;
    expect(first.isHeld()).toBe(false);
    expect(second.isHeld()).toBe(true);
    expect(await leaseRow('handover')).toBe(second.holder);
    await second.release();
    expect(await leaseRow('handover')).toBeUndefined();
  });

  it("is taken over once the holder's session dies (pg_terminate_backend) and its lease expires", async () => {
    const holder = await acquire('takeover', { leaseMs: 1_000 });
    const successor = acquire('takeover', { leaseMs: 1_000 });

    // The only advisory lock in this fresh database is the holder's: that is its dedicated session.
    const { rows } = await db.pool.query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    expect(rows).toHaveLength(1);
    await db.pool.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);

    await eventually(() => expect(holder.isHeld()).toBe(false));
    const next = await successor;
    expect(next.isHeld()).toBe(true);
    expect(next.holder).not.toBe(holder.holder);
    expect(await leaseRow('takeover')).toBe(next.holder);
    await holder.release(); // harmless on a lost lease
    await next.release();
  });

  it('notices a takeover of its row and stops claiming to hold it', async () => {
    const lease = await acquire('stolen', { leaseMs: 300 });
    await db.pool.query(`UPDATE processor_leases SET holder = 'someone else' WHERE processor_id = 'stolen'`);
    await eventually(() => expect(lease.isHeld()).toBe(false));
    await lease.release();
  });

  it('fences transactions: true while held, false once the row names someone else', async () => {
    const lease = await acquire('fenced');
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      expect(await lease.fence(client)).toBe(true);
      await client.query('COMMIT');
      await db.pool.query(`UPDATE processor_leases SET holder = 'someone else' WHERE processor_id = 'fenced'`);
      await client.query('BEGIN');
      expect(await lease.fence(client)).toBe(false);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    await lease.release();
  });

  it('stops waiting when its signal aborts', async () => {
    const owner = await acquire('aborted');
    const controller = new AbortController();
    const waiting = ProcessorLease.acquire(db.pool, 'aborted', { signal: controller.signal, retryMs: 20 });
    controller.abort(new Error('shutting down'));
    await expect(waiting).rejects.toThrow('shutting down');
    expect(owner.isHeld()).toBe(true);
    await owner.release();
  });
});
