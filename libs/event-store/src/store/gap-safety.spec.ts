import { describeWith, TestDatabase } from '../spec-support/test-fixtures';
import { CheckpointStore } from '../processing/checkpoint-store';
import { runProcessor } from '../processing/run-processor';
import { createEventStoreDatabase } from '../spec-support/event-store-database';
import { untilVisible } from '../spec-support/until-visible';
import { numbered } from '../spec-support/sample-events';
import { RecordedEvent, START } from '../types';
import { PostgresEventStore } from './postgres-event-store';
import { positionOf } from './positions';

// Sequences are handed out at insert time but become visible at commit, so global positions appear out of
// order. The classic loss: A takes position 1, B takes 2 and commits, a subscriber reads 2 and checkpoints
// it, A commits 1 — which the subscriber never reads. These tests run exactly that interleaving.
describeWith(['postgres'], 'gap safety', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreDatabase('es_gap');
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('holds back later commits while an earlier transaction is open, then delivers both in order', async () => {
    const early = await db.pool.connect();
    const handled: RecordedEvent[] = [];
    const processor = await runProcessor({
      processorId: 'gap-watcher',
      source: store,
      target: db.pool,
      idleWaitMs: 20,
      handle: async (events) => {
        handled.push(...events);
      },
    });
    try {
      await early.query('BEGIN');
      const first = await store.append('early', 'Loan', numbered(1, 'StartedFirst'), { expectedVersion: 'no_stream', client: early });
      const second = await store.append('late', 'Loan', numbered(1, 'CommittedFirst'), { expectedVersion: 'no_stream' });

      // The trap is real: the still-open event has the LOWER global position.
      expect(BigInt(first.lastPosition.globalPosition)).toBeLessThan(BigInt(second.lastPosition.globalPosition));

      // The committed event is held back: nothing is readable, and the processor has not moved past START.
      expect(await store.readAll({ after: START, limit: 10 })).toEqual([]);
      expect(await store.headPosition()).toEqual(START);
      expect(await processor.waitUntil(second.lastPosition, 300)).toBe(false);
      expect(handled).toEqual([]);
      expect(await new CheckpointStore().read(db.pool, 'gap-watcher', 'all')).toEqual(START);

      await early.query('COMMIT');

      expect(await processor.waitUntil(second.lastPosition, 30_000)).toBe(true);
      expect(handled.map((e) => e.type)).toEqual(['StartedFirst', 'CommittedFirst']);
      expect(await store.headPosition()).toEqual(second.lastPosition);
    } finally {
      early.release();
      await processor.stop();
    }
  });

  it('is held back by an open transaction that has written nothing to the store (any xid in the cluster)', async () => {
    const head = await store.headPosition();
    const idle = await db.pool.connect();
    try {
      await idle.query('BEGIN');
      await idle.query('SELECT pg_current_xact_id()'); // takes a transaction id, like any write would
      const appended = await store.append('after-idle', 'Loan', numbered(1), { expectedVersion: 'no_stream' });
      expect(await store.readAll({ after: head, limit: 10 })).toEqual([]);
      await idle.query('ROLLBACK');
      await untilVisible(store, appended.lastPosition); // other suites' transactions may hold it back a little longer
      expect((await store.readAll({ after: head, limit: 10 })).map(positionOf)).toEqual([appended.lastPosition]);
    } finally {
      idle.release();
    }
  });

  it('measures the age of the oldest open transaction: the horizon subscribers wait behind', async () => {
    const open = await db.pool.connect();
    try {
      await open.query('BEGIN');
      await open.query('SELECT pg_current_xact_id()');
      await open.query('SELECT pg_sleep(0.05)');
      const { rows } = await open.query<{ age: number }>('SELECT extract(epoch FROM clock_timestamp() - xact_start)::float8 AS age FROM pg_stat_activity WHERE pid = pg_backend_pid()');
      // Other sessions on the server may be older still, so the horizon is at least ours.
      expect(await store.horizonAgeSeconds()).toBeGreaterThanOrEqual(rows[0].age);
      await open.query('ROLLBACK');
    } finally {
      open.release();
    }
    expect(await store.horizonAgeSeconds()).toBeGreaterThanOrEqual(0);
  });
});
