import { describeWith } from '../spec-support/test-fixtures';
import { eventually } from '../spec-support/eventually';
import { PoolClient } from 'pg';
import { givenProcessorWorld } from '../spec-support/given-processor-world';
import { Position, RecordedEvent, START } from '../types';
import { CheckpointStore } from './checkpoint-store';
import { runProcessor } from './run-processor';

const WAIT_MS = 45_000;

// Events are read from one database (`source`) and the effect plus checkpoint land in another (`target`),
// as a projection in the reporting service consumes another service's store.
describeWith(['postgres'], 'runProcessor', () => {
  const world = givenProcessorWorld({ target: 'es_target', source: 'es_source' }, async (target) => {
    await target.query('CREATE TABLE processed (processor text NOT NULL, event_id uuid NOT NULL, n int, PRIMARY KEY (processor, event_id))');
  });
  const { start, appendNumbered } = world;
  const checkpoints = new CheckpointStore();

  /** The effect: one row per event. Its primary key turns a duplicate effect into a failure. */
  async function record(processorId: string, events: RecordedEvent[], client: PoolClient): Promise<void> {
    for (const event of events) {
      await client.query('INSERT INTO processed (processor, event_id, n) VALUES ($1, $2, $3)', [processorId, event.eventId, (event.data as { n: number }).n]);
    }
  }

  async function processedNs(processorId: string): Promise<number[]> {
    const { rows } = await world.target.pool.query<{ n: number }>('SELECT n FROM processed WHERE processor = $1 ORDER BY n', [processorId]);
    return rows.map((r) => r.n);
  }

  it('applies every event in order, committing the effect and the checkpoint together', async () => {
    const batches: Position[] = [];
    const seen: number[] = [];
    const processor = await start({
      processorId: 'in-order',
      batchSize: 3,
      handle: async (events, client) => {
        seen.push(...events.map((e) => (e.data as { n: number }).n));
        await record('in-order', events, client);
      },
      onBatch: (_events, position) => batches.push(position),
    });
    await appendNumbered('a', 1, 4);
    await appendNumbered('b', 5, 3);
    const last = await appendNumbered('a', 8, 3);

    expect(await processor.waitUntil(last, WAIT_MS)).toBe(true);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await processedNs('in-order')).toEqual(seen);
    expect(await checkpoints.read(world.target.pool, 'in-order', 'all')).toEqual(last);
    expect(processor.position()).toEqual(last);
    expect(batches[batches.length - 1]).toEqual(last);
  });

  it('leaves effect and checkpoint untouched when the effect throws, reports it, and retries the batch', async () => {
    const errors: Array<[string, number]> = [];
    let attempts = 0;
    let letThrough!: () => void;
    const gate = new Promise<void>((resolve) => (letThrough = resolve));
    const processor = await start({
      processorId: 'flaky',
      retry: { initialMs: 10 },
      handle: async (events, client) => {
        attempts += 1;
        await record('flaky', events, client);
        if (attempts <= 2) throw new Error(`projection bug #${attempts}`);
        await gate;
      },
      onError: (err, attempt) => errors.push([(err as Error).message, attempt]),
    });
    const last = await appendNumbered('a', 1, 3);

    await eventually(() => expect(errors).toHaveLength(2));
    // Both failed attempts inserted rows and would have moved the checkpoint: neither did.
    expect(errors).toEqual([
      ['projection bug #1', 1],
      ['projection bug #2', 2],
    ]);
    expect(await checkpoints.read(world.target.pool, 'flaky', 'all')).toEqual(START);
    expect(await processedNs('flaky')).toEqual([]);

    letThrough();
    expect(await processor.waitUntil(last, WAIT_MS)).toBe(true);
    expect(await processedNs('flaky')).toEqual([1, 2, 3]);
    expect(errors).toHaveLength(2);
  });

  it('does not count a batch whose handler swallowed a database error as committed', async () => {
    const errors: string[] = [];
    let attempts = 0;
    const processor = await start({
      processorId: 'swallowing',
      retry: { initialMs: 10 },
      handle: async (events, client) => {
        attempts += 1;
        await record('swallowing', events, client);
        if (attempts === 1) await client.query('SELECT 1 / 0').catch(() => undefined); // the bug under test
      },
      onError: (err) => errors.push((err as Error).message),
    });
    const last = await appendNumbered('a', 1, 2);
    expect(await processor.waitUntil(last, WAIT_MS)).toBe(true);
    expect(errors).toEqual([expect.stringContaining('aborted')]);
    expect(await processedNs('swallowing')).toEqual([1, 2]);
  });

  it('resumes from its checkpoint after a restart, without handling anything twice', async () => {
    const first: number[] = [];
    const before = await start({
      processorId: 'restart',
      handle: async (events, client) => {
        first.push(...events.map((e) => (e.data as { n: number }).n));
        await record('restart', events, client);
      },
    });
    expect(await before.waitUntil(await appendNumbered('a', 1, 3), WAIT_MS)).toBe(true);
    await before.stop();

    const afterStop = await appendNumbered('a', 4, 2);
    const second: number[] = [];
    const after = await start({
      processorId: 'restart',
      handle: async (events, client) => {
        second.push(...events.map((e) => (e.data as { n: number }).n));
        await record('restart', events, client);
      },
    });
    expect(await after.waitUntil(afterStop, WAIT_MS)).toBe(true);
    expect(first).toEqual([1, 2, 3]);
    expect(second).toEqual([4, 5]);
    expect(await processedNs('restart')).toEqual([1, 2, 3, 4, 5]);
  });

  it('runs one instance at a time per processor id; the other takes over when it stops', async () => {
    let active = 0;
    let maxActive = 0;
    const seenBy: Record<'a' | 'b', number[]> = { a: [], b: [] };
    const handle =
      (name: 'a' | 'b') =>
      async (events: RecordedEvent[], client: PoolClient): Promise<void> => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        try {
          await client.query('SELECT pg_sleep(0.01)'); // widens the window in which an overlap would show
          await record('single', events, client);
          seenBy[name].push(...events.map((e) => (e.data as { n: number }).n));
        } finally {
          active -= 1;
        }
      };

    const a = await start({ processorId: 'single', batchSize: 2, handle: handle('a') });
    expect(await a.waitUntil(await appendNumbered('s', 1, 2), WAIT_MS)).toBe(true);
    const b = await start({ processorId: 'single', batchSize: 2, handle: handle('b') });

    let last = START;
    for (let i = 0; i < 5; i++) last = await appendNumbered(`s${i}`, 3 + i * 2, 2);
    expect(await a.waitUntil(last, WAIT_MS)).toBe(true);
    expect(seenBy.b).toEqual([]);

    await a.stop();
    const handedOver = await appendNumbered('s', 13, 3);
    expect(await b.waitUntil(handedOver, WAIT_MS)).toBe(true);

    expect(maxActive).toBe(1);
    expect(seenBy.a).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(seenBy.b).toEqual([13, 14, 15]);
    expect(await processedNs('single')).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('rolls back a batch whose checkpoint was moved behind its back, re-reads it and carries on from there', async () => {
    const seen: number[] = [];
    const errors: unknown[] = [];
    const processor = await start({
      processorId: 'moved',
      handle: async (events, client) => {
        seen.push(...events.map((e) => (e.data as { n: number }).n));
        await record('moved', events, client);
      },
      onError: (err) => errors.push(err),
    });
    const settled = await appendNumbered('m', 1, 2);
    expect(await processor.waitUntil(settled, WAIT_MS)).toBe(true);

    // Write 3 and 4 in one open transaction, so the processor cannot see them yet, and meanwhile someone else
    // (a second instance, an operator) marks 3 as done.
    const written = await world.appendNumberedMovingCheckpoint('moved', 'm', 2, 3, 2);
    expect(await processor.waitUntil(written.lastPosition, WAIT_MS)).toBe(true);

    // It did try [3, 4] once, lost the compare-and-set before running the effect, then read on after 3.
    expect(seen).toEqual([1, 2, 4]);
    expect(await processedNs('moved')).toEqual([1, 2, 4]);
    expect(errors).toEqual([]);
  });

  it('applies each effect exactly once when two instances race without a lease: the one that loses the checkpoint never applies it', async () => {
    const handled: number[] = [];
    const errors: unknown[] = [];
    const racer = () =>
      start({
        processorId: 'racing',
        effect: 'in-target-transaction',
        lease: false,
        batchSize: 2,
        handle: async (events, client) => {
          await client.query('SELECT pg_sleep(0.01)'); // widens the window in which both hold the same batch
          await record('racing', events, client);
          handled.push(...events.map((e) => (e.data as { n: number }).n));
        },
        onError: (err) => errors.push(err),
      });
    const [a, b] = [await racer(), await racer()];
    let last = START;
    for (let i = 0; i < 10; i++) last = await appendNumbered(`r${i % 3}`, 1 + i * 2, 2);

    expect(await a.waitUntil(last, WAIT_MS)).toBe(true);
    expect(await b.waitUntil(last, WAIT_MS)).toBe(true);
    const all = Array.from({ length: 20 }, (_, i) => i + 1);
    // A duplicate effect would have failed on the primary key and shown up as an error.
    expect(errors).toEqual([]);
    expect(handled).toEqual(all);
    expect(await processedNs('racing')).toEqual(all);
  });

  it('keeps partitions apart: each has its own checkpoint', async () => {
    const last = await appendNumbered('p', 1, 2);
    const p1 = await start({ processorId: 'parted', partition: 'p1', handle: async () => undefined });
    expect(await p1.waitUntil(last, WAIT_MS)).toBe(true);
    expect(await checkpoints.read(world.target.pool, 'parted', 'p1')).toEqual(last);
    expect(await checkpoints.read(world.target.pool, 'parted', 'all')).toEqual(START);
  });

  it('stops cleanly: done settles, waiters are answered, the lease is free again', async () => {
    const processor = await start({ processorId: 'stopping', handle: async () => undefined });
    const waiting = processor.waitUntil({ transactionId: '999999999', globalPosition: '1' }, WAIT_MS);
    await processor.stop();
    await expect(processor.done).resolves.toBeUndefined();
    expect(await waiting).toBe(false);
    const { rows } = await world.target.pool.query(`SELECT 1 FROM processor_leases WHERE processor_id = 'stopping'`);
    expect(rows).toEqual([]);
  });

  it('rejects nonsensical options up front', async () => {
    await expect(runProcessor({ processorId: 'x', source: world.store, target: world.target.pool, handle: async () => undefined, batchSize: 0 })).rejects.toBeInstanceOf(RangeError);
  });
});
