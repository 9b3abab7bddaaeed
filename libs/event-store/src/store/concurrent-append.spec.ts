import { describeWith, TestDatabase } from '../spec-support/test-fixtures';
import { createEventStoreDatabase } from '../spec-support/event-store-database';
import { numbered } from '../spec-support/sample-events';
import { ExpectedVersionConflictError } from '../types';
import { PostgresEventStore } from './postgres-event-store';

describeWith(['postgres'], 'PostgresEventStore.append under concurrency', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createEventStoreDatabase('es_race');
    store = new PostgresEventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('lets exactly one of two appends with the same expected version win, even when their checks overlap', async () => {
    await store.append('race-1', 'Loan', numbered(1), { expectedVersion: 'no_stream' });
    // Writer A appends in an open transaction and holds it; B starts its append with the same expectation
    // meanwhile. B can only be answered after A commits, and must then see A's version, not its own stale one.
    const a = await db.pool.connect();
    try {
      await a.query('BEGIN');
      await store.append('race-1', 'Loan', numbered(1, 'A'), { expectedVersion: 1, client: a });
      const b = store.append('race-1', 'Loan', numbered(1, 'B'), { expectedVersion: 1 }).then(
        () => 'won',
        (err: unknown) => err,
      );
      await a.query('COMMIT');
      const outcome = await b;
      expect(outcome).toBeInstanceOf(ExpectedVersionConflictError);
      expect((outcome as ExpectedVersionConflictError).actual).toBe(2);
    } finally {
      a.release();
    }
    const stream = await store.readStream('race-1');
    expect(stream.events.map((e) => e.type)).toEqual(['Numbered', 'A']);
  });

  it.each([
    ['an exact version', 1 as const],
    ["'no_stream'", 'no_stream' as const],
  ])('lets exactly one of many simultaneous appends expecting %s win; the others see the winner', async (_name, expected) => {
    const streamId = `burst-${String(expected)}`;
    if (expected === 1) await store.append(streamId, 'Loan', numbered(1), { expectedVersion: 'no_stream' });
    const contenders = 8;
    const outcomes = await Promise.allSettled(
      Array.from({ length: contenders }, (_, i) => store.append(streamId, 'Loan', [{ type: `Contender${i}`, data: {} }], { expectedVersion: expected })),
    );
    const winners = outcomes.filter((o) => o.status === 'fulfilled');
    const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(winners).toHaveLength(1);
    const finalVersion = expected === 1 ? 2 : 1;
    expect(losers.map((l) => (l.reason as ExpectedVersionConflictError).actual)).toEqual(Array(contenders - 1).fill(finalVersion));
    expect((await store.readStream(streamId)).version).toBe(finalVersion);
  });

  it("never gives two events of one stream the same version under concurrent 'any' appends", async () => {
    await Promise.all(Array.from({ length: 8 }, () => store.append('any-race', 'Club', numbered(3), { expectedVersion: 'any' })));
    const stream = await store.readStream('any-race');
    expect(stream.version).toBe(24);
    expect(stream.events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });
});
