import { describeWith, TestDatabase } from '../spec-support/test-fixtures';
import { Client } from 'pg';
import { createEventStoreDatabase } from '../spec-support/event-store-database';
import { numbered } from '../spec-support/sample-events';
import { AppendResult, ExpectedVersionConflictError, START } from '../types';
import { PostgresEventStore } from './postgres-event-store';

describeWith(['postgres'], 'PostgresEventStore.append', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const appended: AppendResult[] = [];

  beforeAll(async () => {
    db = await createEventStoreDatabase('es_append');
    store = new PostgresEventStore(db.pool, { onAppended: (result) => appended.push(result) });
  });
  afterAll(() => db.drop());

  async function conflictOf(promise: Promise<unknown>): Promise<ExpectedVersionConflictError> {
    const error = await promise.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(ExpectedVersionConflictError);
    return error as ExpectedVersionConflictError;
  }

  describe("'no_stream'", () => {
    it('creates the stream, numbering its events from 1', async () => {
      const result = await store.append('member-1', 'Member', numbered(2), { expectedVersion: 'no_stream' });
      expect(result.nextExpectedVersion).toBe(2);
      expect(result.events.map((e) => [e.streamVersion, e.streamType, e.data])).toEqual([
        [1, 'Member', { n: 1 }],
        [2, 'Member', { n: 2 }],
      ]);
      expect(result.lastPosition).toEqual({ transactionId: result.events[1].transactionId, globalPosition: result.events[1].globalPosition });
    });

    it('conflicts when the stream exists, reporting its version, and writes nothing', async () => {
      const conflict = await conflictOf(store.append('member-1', 'Member', numbered(1), { expectedVersion: 'no_stream' }));
      expect(conflict.actual).toBe(2);
      expect(conflict.expected).toBe('no_stream');
      expect((await store.readStream('member-1')).version).toBe(2);
    });
  });

  describe("'exists'", () => {
    it('appends to an existing stream', async () => {
      const result = await store.append('member-1', 'Member', numbered(1, 'Numbered', 3), { expectedVersion: 'exists' });
      expect(result.nextExpectedVersion).toBe(3);
    });

    it('conflicts on a missing stream with actual null', async () => {
      const conflict = await conflictOf(store.append('nobody', 'Member', numbered(1), { expectedVersion: 'exists' }));
      expect(conflict.actual).toBeNull();
      expect((await store.readStream('nobody')).version).toBeNull();
    });
  });

  describe("'any'", () => {
    it('creates a missing stream and appends to an existing one', async () => {
      expect((await store.append('any-1', 'Club', numbered(1), { expectedVersion: 'any' })).nextExpectedVersion).toBe(1);
      expect((await store.append('any-1', 'Club', numbered(2), { expectedVersion: 'any' })).nextExpectedVersion).toBe(3);
    });
  });

  describe('an exact version', () => {
    it('appends when the stream is at exactly that version', async () => {
      await store.append('exact-1', 'Loan', numbered(2), { expectedVersion: 'no_stream' });
      const result = await store.append('exact-1', 'Loan', numbered(1), { expectedVersion: 2 });
      expect(result.events[0].streamVersion).toBe(3);
    });

    it('conflicts on a stale version, reporting the actual one', async () => {
      const conflict = await conflictOf(store.append('exact-1', 'Loan', numbered(1), { expectedVersion: 2 }));
      expect(conflict.actual).toBe(3);
      expect(conflict.message).toContain('actual 3');
    });

    it('conflicts on a missing stream with actual null', async () => {
      expect((await conflictOf(store.append('exact-missing', 'Loan', numbered(1), { expectedVersion: 1 }))).actual).toBeNull();
    });

    it('rejects versions that cannot exist (0, negative, fractional) before touching the database', async () => {
      for (const bad of [0, -1, 1.5]) {
        await expect(store.append('exact-1', 'Loan', numbered(1), { expectedVersion: bad })).rejects.toBeInstanceOf(RangeError);
      }
    });
  });

  describe('with no events', () => {
    it('still checks the expectation and reports where the stream is', async () => {
      const head = await store.append('exact-1', 'Loan', [], { expectedVersion: 3 });
      const stream = await store.readStream('exact-1');
      expect(head.nextExpectedVersion).toBe(3);
      expect(head.lastPosition).toEqual({ transactionId: stream.events[2].transactionId, globalPosition: stream.events[2].globalPosition });
      expect((await conflictOf(store.append('exact-1', 'Loan', [], { expectedVersion: 2 }))).actual).toBe(3);
      expect((await store.append('never', 'Loan', [], { expectedVersion: 'no_stream' })).lastPosition).toEqual(START);
      expect((await conflictOf(store.append('never', 'Loan', [], { expectedVersion: 'exists' }))).actual).toBeNull();
    });
  });

  it('fills the metadata the caller leaves out, and keeps what it gives', async () => {
    const before = Date.now();
    const [filled, given] = (
      await store.append(
        'meta-1',
        'Member',
        [
          { type: 'Registered', data: { name: 'x' } },
          {
            type: 'Renamed',
            data: { name: 'y' },
            schemaVersion: 3,
            eventId: '00000000-0000-4000-8000-000000000001',
            metadata: { correlationId: 'corr-1', causationId: 'cause-1', actor: 'user-7', traceparent: '00-abc-def-01', tenant: 'district-9' },
          },
        ],
        { expectedVersion: 'no_stream' },
      )
    ).events;
    expect(filled.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(filled.metadata).toMatchObject({ eventId: filled.eventId, correlationId: filled.eventId, causationId: null, traceparent: null, actor: null, schemaVersion: 1 });
    expect(Date.parse(filled.metadata.occurredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(given.metadata).toMatchObject({ eventId: '00000000-0000-4000-8000-000000000001', correlationId: 'corr-1', causationId: 'cause-1', actor: 'user-7', tenant: 'district-9', schemaVersion: 3 });

    // And that is what was stored, not only what was returned.
    const stored = (await store.readStream('meta-1')).events;
    expect(stored.map((e) => [e.eventId, e.schemaVersion, e.metadata])).toEqual([filled, given].map((e) => [e.eventId, e.schemaVersion, e.metadata]));
  });

  it('joins the caller transaction: a rollback leaves no trace, a conflict leaves the transaction usable', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await store.append('tx-1', 'Club', numbered(1), { expectedVersion: 'no_stream', client });
      expect((await store.readStream('tx-1', { client })).version).toBe(1);
      await expect(store.append('tx-1', 'Club', numbered(1), { expectedVersion: 'no_stream', client })).rejects.toBeInstanceOf(ExpectedVersionConflictError);
      await expect(client.query('SELECT 1')).resolves.toBeDefined();
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await store.readStream('tx-1')).toEqual({ version: null, streamType: null, events: [] });
  });

  it('notifies listeners on ishc_events when the append commits', async () => {
    const listener = new Client({ connectionString: db.url });
    await listener.connect();
    try {
      const notified = new Promise<string>((resolve) => listener.on('notification', (n) => resolve(n.channel)));
      await listener.query('LISTEN ishc_events');
      await store.append('notify-1', 'Club', numbered(1), { expectedVersion: 'no_stream' });
      expect(await notified).toBe('ishc_events');
    } finally {
      await listener.end();
    }
  });

  it('reports every successful append to onAppended, and no failed one', async () => {
    const count = appended.length;
    const result = await store.append('observed-1', 'Club', numbered(1), { expectedVersion: 'no_stream' });
    await expect(store.append('observed-1', 'Club', numbered(1), { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(ExpectedVersionConflictError);
    expect(appended.slice(count)).toEqual([result]);
  });

  it('refuses a duplicate event id (the unique index is the backstop for retried writes)', async () => {
    const eventId = '00000000-0000-4000-8000-0000000000aa';
    await store.append('dup-1', 'Club', [{ type: 'A', data: {}, eventId }], { expectedVersion: 'no_stream' });
    await expect(store.append('dup-2', 'Club', [{ type: 'A', data: {}, eventId }], { expectedVersion: 'no_stream' })).rejects.toMatchObject({ code: '23505' });
    expect((await store.readStream('dup-2')).version).toBeNull();
  });
});
