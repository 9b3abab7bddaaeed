import { PoolClient } from 'pg';
import { createEventStoreDatabase } from '../spec-support/event-store-database';
import { describeWith, TestDatabase } from '../spec-support/test-fixtures';
import { PostgresEventStore } from '../store/postgres-event-store';
import { decideAndAppend } from './decide-and-append';

type Counted = { type: 'Counted'; data: { seen: number } };

/** Counts the events already in the stream when it decides, so a test can tell what it decided on. */
const counter = {
  initialState: () => 0,
  evolve: (n: number) => n + 1,
  decide: (_command: unknown, seen: number): Counted[] => [{ type: 'Counted', data: { seen } }],
};

describeWith(['postgres'], 'decideAndAppend', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreDatabase('es_decide');
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  /** Runs `work` in a transaction on a client whose statements are listed (the real server answers them). */
  async function inTransaction<T>(work: (client: PoolClient, statements: string[]) => Promise<T>): Promise<T> {
    const client = await db.pool.connect();
    const statements: string[] = [];
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, ...rest: unknown[]) => {
      statements.push(typeof text === 'string' ? text : String((text as { text?: string }).text));
      return query(text, ...rest);
    };
    try {
      await client.query('BEGIN');
      const result = await work(client, statements);
      await client.query('COMMIT');
      return result;
    } finally {
      delete (client as unknown as { query?: unknown }).query;
      client.release();
    }
  }

  it('given a fresh stream id marked new, when the command runs, then it appends without reading the stream first', async () => {
    const outcome = await inTransaction(async (client, statements) => {
      const result = await decideAndAppend(store, { streamId: 'counter-new-1', streamType: 'Counter', client, decider: counter, command: {}, newStream: true });
      expect(statements.filter((s) => /FROM streams s/.test(s))).toEqual([]);
      expect(statements.filter((s) => /ishc_append_events/.test(s))).toHaveLength(1);
      return result;
    });
    expect(outcome.previousVersion).toBeNull();
    expect(outcome.appended?.nextExpectedVersion).toBe(1);
    expect((await store.readStream('counter-new-1')).events.map((e) => e.data)).toEqual([{ seen: 0 }]);
  });

  it('given a stream marked new that exists after all, when the command runs, then it reads the stream and decides on its events', async () => {
    await store.append('counter-taken-1', 'Counter', [{ type: 'Counted', data: { seen: 0 } }, { type: 'Counted', data: { seen: 1 } }], { expectedVersion: 'no_stream' });
    const outcome = await inTransaction((client) =>
      decideAndAppend(store, { streamId: 'counter-taken-1', streamType: 'Counter', client, decider: counter, command: {}, newStream: true }),
    );
    expect(outcome.previousVersion).toBe(2);
    expect(outcome.state).toBe(3);
    expect((await store.readStream('counter-taken-1')).events.map((e) => e.data)).toEqual([{ seen: 0 }, { seen: 1 }, { seen: 2 }]);
  });

  it('given an existing stream, when the command runs without the mark, then it reads the stream first (as before)', async () => {
    await store.append('counter-old-1', 'Counter', [{ type: 'Counted', data: { seen: 0 } }], { expectedVersion: 'no_stream' });
    const outcome = await inTransaction(async (client, statements) => {
      const result = await decideAndAppend(store, { streamId: 'counter-old-1', streamType: 'Counter', client, decider: counter, command: {} });
      expect(statements.filter((s) => /FROM streams s/.test(s))).toHaveLength(1);
      return result;
    });
    expect(outcome.events).toEqual([{ type: 'Counted', data: { seen: 1 } }]);
  });
});
