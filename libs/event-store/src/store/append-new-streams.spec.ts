import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemoryTracer, installInMemoryTracer } from '@ishc/observability';
import { Client } from 'pg';
import { createEventStoreDatabase } from '../spec-support/event-store-database';
import { numbered } from '../spec-support/sample-events';
import { describeWith, TestDatabase } from '../spec-support/test-fixtures';
import { AppendResult, ExpectedVersionConflictError } from '../types';
import { AppendTiming, NewStream, PostgresEventStore } from './postgres-event-store';

describeWith(['postgres'], 'PostgresEventStore.appendNewStreams', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let tracer: InMemoryTracer;
  const appended: Array<{ result: AppendResult; timing: AppendTiming }> = [];

  beforeAll(async () => {
    db = await createEventStoreDatabase('es_new_streams');
    store = new PostgresEventStore(db.pool, { onAppended: (result, timing) => appended.push({ result, timing }) });
  });
  afterAll(() => db.drop());
  beforeEach(() => {
    tracer = installInMemoryTracer();
    appended.length = 0;
  });
  afterEach(() => tracer.uninstall());

  const member = (n: number, events = 1): NewStream => ({ streamId: `batch-member-${n}`, streamType: 'Member', events: numbered(events) });
  const memberships = (n: number): NewStream => ({ streamId: `batch-memberships-${n}`, streamType: 'Memberships', events: numbered(1, 'Joined') });

  async function conflictOf(promise: Promise<unknown>): Promise<ExpectedVersionConflictError> {
    const error = await promise.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ExpectedVersionConflictError);
    return error as ExpectedVersionConflictError;
  }

  const versionOf = async (streamId: string) => (await store.readStream(streamId)).version;

  it('creates every stream, numbering each one’s events from 1, in one statement, and reports each as an append', async () => {
    const results = await store.appendNewStreams([member(1, 2), memberships(1), member(2)]);

    expect(results.map((r) => [r.events[0].streamId, r.nextExpectedVersion, r.events.map((e) => [e.streamVersion, e.streamType, e.data])])).toEqual([
      [
        'batch-member-1',
        2,
        [
          [1, 'Member', { n: 1 }],
          [2, 'Member', { n: 2 }],
        ],
      ],
      ['batch-memberships-1', 1, [[1, 'Memberships', { n: 1 }]]],
      ['batch-member-2', 1, [[1, 'Member', { n: 1 }]]],
    ]);
    // One transaction, positions in the order given: the last result holds the batch's last position.
    const all = results.flatMap((r) => r.events);
    expect(new Set(all.map((e) => e.transactionId)).size).toBe(1);
    expect(all.map((e) => BigInt(e.globalPosition))).toEqual(all.map((e) => BigInt(e.globalPosition)).sort((a, b) => (a < b ? -1 : 1)));
    expect(results[2].lastPosition).toEqual({ transactionId: all[3].transactionId, globalPosition: all[3].globalPosition });
    // What was returned is what was stored.
    expect((await store.readStream('batch-member-1')).events).toEqual(results[0].events);

    expect(appended.map((a) => a.result)).toEqual(results);
    expect(appended.map((a) => a.timing.streamType)).toEqual(['Member', 'Memberships', 'Member']);
    expect(appended.every((a) => a.timing.durationSeconds > 0)).toBe(true);

    const [span] = tracer.exporter.getFinishedSpans();
    expect(tracer.exporter.getFinishedSpans()).toHaveLength(1);
    expect(span.name).toBe('ishc_append_new_streams events');
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.attributes).toEqual({
      'db.system.name': 'postgresql',
      'db.operation.name': 'ishc_append_new_streams',
      'db.collection.name': 'events',
      'db.operation.batch.size': 3,
      'ishc.stream_types': ['Member', 'Memberships'],
      'ishc.event_count': 4,
    });
  });

  it('fails the whole batch when one stream exists, reporting it with its actual version, and writes nothing of the batch', async () => {
    await store.append('batch-taken', 'Member', numbered(3), { expectedVersion: 'no_stream' });
    appended.length = 0;
    tracer.exporter.reset();

    const conflict = await conflictOf(store.appendNewStreams([member(10), { streamId: 'batch-taken', streamType: 'Member', events: numbered(1) }, member(11)]));

    expect(conflict).toMatchObject({ streamId: 'batch-taken', expected: 'no_stream', actual: 3 });
    expect(await versionOf('batch-member-10')).toBeNull();
    expect(await versionOf('batch-member-11')).toBeNull();
    expect((await store.readStream('batch-taken')).events.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(appended).toEqual([]);
    const [span] = tracer.exporter.getFinishedSpans();
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.attributes['error.type']).toBe('ExpectedVersionConflict');
    expect(JSON.stringify(span.attributes)).not.toContain('batch-taken');

    // The same streams without the taken one go through: nothing was left behind to conflict with.
    expect((await store.appendNewStreams([member(10), member(11)])).map((r) => r.nextExpectedVersion)).toEqual([1, 1]);
  });

  it('joins the caller transaction: a conflict leaves it usable with the batch undone, a rollback leaves no trace', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendNewStreams([member(20)], { client });
      await expect(store.appendNewStreams([member(21), member(20)], { client })).rejects.toMatchObject({ streamId: 'batch-member-20', actual: 1 });
      // Still usable, and the failed batch left nothing (batch-member-21 is free again) while the earlier one stays.
      expect((await store.readStream('batch-member-21', { client })).version).toBeNull();
      expect((await store.readStream('batch-member-20', { client })).version).toBe(1);
      await store.appendNewStreams([member(21)], { client });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await versionOf('batch-member-20')).toBeNull();
    expect(await versionOf('batch-member-21')).toBeNull();
  });

  it('lets exactly one of two batches racing for the same stream win; the loser sees the winner’s version and leaves nothing', async () => {
    const a = await db.pool.connect();
    try {
      await a.query('BEGIN');
      await store.appendNewStreams([member(30), member(31)], { client: a });
      // B waits on A's uncommitted stream row, then must see A's committed version.
      const b = store.appendNewStreams([member(32), member(31)]).then(
        () => 'won',
        (err: unknown) => err,
      );
      await a.query('COMMIT');
      const outcome = await b;
      expect(outcome).toBeInstanceOf(ExpectedVersionConflictError);
      expect(outcome).toMatchObject({ streamId: 'batch-member-31', actual: 1 });
    } finally {
      a.release();
    }
    expect(await versionOf('batch-member-32')).toBeNull();
  });

  it('notifies listeners on ishc_events when the batch commits', async () => {
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    try {
      const notified = new Promise<string>((resolve) => listener.on('notification', (n) => resolve(n.channel)));
      await listener.query('LISTEN ishc_events');
      await store.appendNewStreams([member(40)]);
      expect(await notified).toBe('ishc_events');
    } finally {
      await listener.end();
    }
  });

  it('does nothing for an empty batch, and refuses a stream without events or named twice before touching the database', async () => {
    expect(await store.appendNewStreams([])).toEqual([]);
    await expect(store.appendNewStreams([{ streamId: 'batch-empty', streamType: 'Member', events: [] }])).rejects.toBeInstanceOf(RangeError);
    await expect(store.appendNewStreams([member(50), member(50)])).rejects.toBeInstanceOf(RangeError);
    expect(await versionOf('batch-member-50')).toBeNull();
    expect(tracer.exporter.getFinishedSpans()).toEqual([]);
  });
});
