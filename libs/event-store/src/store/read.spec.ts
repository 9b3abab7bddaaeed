import { describeWith, TestDatabase } from '../spec-support/test-fixtures';
import { createEventStoreDatabase } from '../spec-support/event-store-database';
import { untilVisible } from '../spec-support/until-visible';
import { numbered } from '../spec-support/sample-events';
import { comparePositions, START } from '../types';
import { PostgresEventStore } from './postgres-event-store';
import { positionOf } from './positions';

describeWith(['postgres'], 'PostgresEventStore reads', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreDatabase('es_read');
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('is empty before anything is appended', async () => {
    expect(await store.readAll({ after: START, limit: 10 })).toEqual([]);
    expect(await store.headPosition()).toEqual(START);
    expect(await store.readStream('none')).toEqual({ version: null, streamType: null, events: [] });
  });

  it('reads a stream in version order, from a given version on', async () => {
    await store.append('club-1', 'Club', numbered(2), { expectedVersion: 'no_stream' });
    await store.append('club-2', 'Club', numbered(1), { expectedVersion: 'no_stream' });
    const last = await store.append('club-1', 'Club', numbered(2, 'Numbered', 3), { expectedVersion: 2 });
    await untilVisible(store, last.lastPosition);

    const whole = await store.readStream('club-1');
    expect(whole.version).toBe(4);
    expect(whole.streamType).toBe('Club');
    expect(whole.events.map((e) => [e.streamVersion, e.data])).toEqual([
      [1, { n: 1 }],
      [2, { n: 2 }],
      [3, { n: 3 }],
      [4, { n: 4 }],
    ]);

    const tail = await store.readStream('club-1', { fromVersion: 3 });
    expect(tail.version).toBe(4);
    expect(tail.events.map((e) => e.streamVersion)).toEqual([3, 4]);

    const beyond = await store.readStream('club-1', { fromVersion: 9 });
    expect(beyond).toEqual({ version: 4, streamType: 'Club', events: [] });
  });

  it('reads all streams in (transaction, position) order, strictly after a position, in pages', async () => {
    const all = await store.readAll({ after: START, limit: 100 });
    expect(all.map((e) => `${e.streamId}@${e.streamVersion}`)).toEqual(['club-1@1', 'club-1@2', 'club-2@1', 'club-1@3', 'club-1@4']);
    for (let i = 1; i < all.length; i++) expect(comparePositions(positionOf(all[i - 1]), positionOf(all[i]))).toBe(-1);
    // Events of one append share a transaction id and differ by position.
    expect(all[0].transactionId).toBe(all[1].transactionId);

    const paged = [];
    for (let after = START, page = await store.readAll({ after, limit: 2 }); page.length > 0; page = await store.readAll({ after, limit: 2 })) {
      paged.push(...page);
      after = positionOf(page[page.length - 1]);
    }
    expect(paged).toEqual(all);

    expect(await store.readAll({ after: positionOf(all[2]), limit: 100 })).toEqual(all.slice(3));
    expect(await store.headPosition()).toEqual(positionOf(all[all.length - 1]));
  });

  it('reads inside a caller transaction when given its client', async () => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const before = await store.readStream('club-2', { client });
      await store.append('club-2', 'Club', numbered(1), { expectedVersion: 1 }); // commits outside the snapshot
      expect(await store.readStream('club-2', { client })).toEqual(before);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect((await store.readStream('club-2')).version).toBe(2);
  });

  it('refuses a non-positive page size', async () => {
    await expect(store.readAll({ after: START, limit: 0 })).rejects.toBeInstanceOf(RangeError);
  });
});
