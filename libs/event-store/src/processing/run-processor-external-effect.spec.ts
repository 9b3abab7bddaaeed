import { describeWith } from '../spec-support/test-fixtures';
import { eventually } from '../spec-support/eventually';
import { Pool } from 'pg';
import { givenProcessorWorld } from '../spec-support/given-processor-world';
import { untilVisible } from '../spec-support/until-visible';
import { Position, RecordedEvent, START } from '../types';
import { CheckpointStore } from './checkpoint-store';
import { RunningProcessor, RunProcessorOptions } from './run-processor';

const WAIT_MS = 45_000;

type ExternalOptions = Extract<RunProcessorOptions, { effect: 'external-at-least-once' }>;

// The effect of these processors lives outside the processor's database, as the Kafka relay's publish does:
// here it is a row written on a connection of its own (autocommit), so it stays whatever the processor's
// transactions do. `effects` has no unique key: at-least-once means a batch may show up twice.
describeWith(['postgres'], 'runProcessor with an external, at-least-once effect', () => {
  const world = givenProcessorWorld({ target: 'es_ext_target', source: 'es_ext_source' }, async (target) => {
    await target.query('CREATE TABLE effects (seq bigserial PRIMARY KEY, processor text NOT NULL, instance text NOT NULL, n int NOT NULL)');
    // A checkpoint write fails while its processor has a row here: a failure between effect and checkpoint.
    await target.query('CREATE TABLE checkpoint_faults (processor_id text PRIMARY KEY)');
    await target.query(`
      CREATE FUNCTION fail_faulty_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM checkpoint_faults f WHERE f.processor_id = NEW.processor_id) THEN
          RAISE EXCEPTION 'checkpoint write failed (test fault)';
        END IF;
        RETURN NEW;
      END $$`);
    await target.query('CREATE TRIGGER faulty_checkpoint BEFORE INSERT OR UPDATE ON checkpoints FOR EACH ROW EXECUTE FUNCTION fail_faulty_checkpoint()');
  });
  const { appendNumbered } = world;
  const checkpoints = new CheckpointStore();

  function start(options: Partial<ExternalOptions> & Pick<ExternalOptions, 'processorId' | 'handle'>): Promise<RunningProcessor> {
    return world.start({ ...options, effect: 'external-at-least-once' });
  }

  async function publish(processorId: string, instance: string, events: RecordedEvent[]): Promise<void> {
    for (const event of events) {
      await world.target.pool.query('INSERT INTO effects (processor, instance, n) VALUES ($1, $2, $3)', [processorId, instance, n(event)]);
    }
  }

  async function published(processorId: string, instance?: string): Promise<number[]> {
    const { rows } = await world.target.pool.query<{ n: number }>('SELECT n FROM effects WHERE processor = $1 AND ($2::text IS NULL OR instance = $2) ORDER BY seq', [processorId, instance ?? null]);
    return rows.map((r) => r.n);
  }

  it('runs the effect with no transaction of its own open, so gap-safe readers are not held back meanwhile', async () => {
    // The relay's case: its checkpoint lives in the database it reads, and the effect is slow (a Kafka send).
    let effectRunning!: () => void;
    const effectStarted = new Promise<void>((resolve) => (effectRunning = resolve));
    let finishEffect!: () => void;
    const effectFinishes = new Promise<void>((resolve) => (finishEffect = resolve));
    const processor = await start({
      processorId: 'no-open-transaction',
      target: world.source.pool,
      handle: async (events) => {
        if (events.some((e) => n(e) === 1)) {
          effectRunning();
          await effectFinishes;
        }
      },
    });
    const first = await appendNumbered('a', 1, 3);
    await effectStarted;

    let during: Position;
    try {
      // While the effect is in flight, no session on the processor's database sits in a transaction ...
      expect(await transactionsOpenOn(world.source.pool)).toEqual([]);
      // ... so an event written meanwhile becomes readable to every gap-safe subscriber of the server.
      during = await appendNumbered('b', 4, 1);
      await untilVisible(world.store, during);
      expect((await world.store.readAll({ after: first, limit: 10 })).map(n)).toEqual([4]);
    } finally {
      finishEffect();
    }
    expect(await processor.waitUntil(during, WAIT_MS)).toBe(true);
  });

  it('re-runs the batch once when the checkpoint fails to commit after its effect, then moves on', async () => {
    const errors: string[] = [];
    let runs = 0;
    const processor = await start({
      processorId: 'fails-after-effect',
      retry: { initialMs: 10 },
      handle: async (events) => {
        runs += 1;
        await publish('fails-after-effect', 'only', events);
        // The first run's checkpoint write fails (a crash between effect and checkpoint); the second's is fine.
        if (runs === 1) await world.target.pool.query(`INSERT INTO checkpoint_faults VALUES ('fails-after-effect')`);
        if (runs === 2) await world.target.pool.query(`DELETE FROM checkpoint_faults WHERE processor_id = 'fails-after-effect'`);
      },
      onError: (err) => errors.push((err as Error).message),
    });
    const batch = await appendNumbered('a', 1, 3);
    expect(await processor.waitUntil(batch, WAIT_MS)).toBe(true);
    const later = await appendNumbered('a', 4, 2);
    expect(await processor.waitUntil(later, WAIT_MS)).toBe(true);

    expect(errors).toEqual([expect.stringContaining('test fault')]);
    expect(await published('fails-after-effect')).toEqual([1, 2, 3, 1, 2, 3, 4, 5]);
    expect(await checkpoints.read(world.target.pool, 'fails-after-effect', 'all')).toEqual(later);
  });

  it('re-reads a checkpoint moved behind its back after the effect, and carries on from there', async () => {
    const processor = await start({ processorId: 'moved', handle: (events) => publish('moved', 'only', events) });
    expect(await processor.waitUntil(await appendNumbered('m', 1, 2), WAIT_MS)).toBe(true);

    // 3 and 4 are written in one transaction; before it commits, someone else marks 3 as done.
    const written = await world.appendNumberedMovingCheckpoint('moved', 'm', 2, 3, 2);
    expect(await processor.waitUntil(written.lastPosition, WAIT_MS)).toBe(true);
    expect(await checkpoints.read(world.target.pool, 'moved', 'all')).toEqual(written.lastPosition);
    // [3, 4] was published before the compare-and-set found the checkpoint at 3; then 4 again, from 3.
    expect(await published('moved')).toEqual([1, 2, 3, 4, 4]);
  });

  it('loses nothing when its lease is lost mid-effect: the successor publishes the batch again and goes on', async () => {
    let effectRunning!: () => void;
    const effectStarted = new Promise<void>((resolve) => (effectRunning = resolve));
    let finishEffect!: () => void;
    const effectFinishes = new Promise<void>((resolve) => (finishEffect = resolve));
    const a = await start({
      processorId: 'lost-lease',
      leaseMs: 3_000,
      handle: async (events) => {
        effectRunning();
        await effectFinishes;
        await publish('lost-lease', 'a', events);
      },
    });
    const first = await appendNumbered('l', 1, 3);
    await effectStarted;

    // A's lock connection dies (as on a network partition) while A is still sending; B takes over.
    await world.target.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ishc-lease lost-lease'`);
    const b = await start({ processorId: 'lost-lease', leaseMs: 3_000, handle: (events) => publish('lost-lease', 'b', events) });
    expect(await b.waitUntil(first, WAIT_MS)).toBe(true);
    finishEffect();
    const later = await appendNumbered('l', 4, 2);
    expect(await b.waitUntil(later, WAIT_MS)).toBe(true);

    // A's send completed, but its checkpoint could not commit: its lease was gone.
    await eventually(async () => expect(await published('lost-lease', 'a')).toEqual([1, 2, 3]));
    expect(await published('lost-lease', 'b')).toEqual([1, 2, 3, 4, 5]);
    expect(await checkpoints.read(world.target.pool, 'lost-lease', 'all')).toEqual(later);
    expect(a.position()).toEqual(START);
  });

  it('lets two instances without a lease race on every batch: each event published at least once, first copies in order', async () => {
    const both = { processorId: 'racing', batchSize: 2, lease: false } as const;
    const a = await start({ ...both, handle: (events) => publish('racing', 'a', events) });
    const b = await start({ ...both, handle: (events) => publish('racing', 'b', events) });
    let last = START;
    for (let i = 0; i < 10; i++) last = await appendNumbered(`r${i % 3}`, 1 + i * 2, 2);

    expect(await a.waitUntil(last, WAIT_MS)).toBe(true);
    expect(await b.waitUntil(last, WAIT_MS)).toBe(true);
    const all = await published('racing');
    expect(firstCopies(all)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await checkpoints.read(world.target.pool, 'racing', 'all')).toEqual(last);
  });
});

function n(event: RecordedEvent): number {
  return (event.data as { n: number }).n;
}

function firstCopies(ns: number[]): number[] {
  return ns.filter((value, index) => ns.indexOf(value) === index);
}

/** Sessions on `pool`'s database (other than this query's) with a transaction open. */
async function transactionsOpenOn(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ application_name: string; state: string }>(
    `SELECT application_name, state FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND state <> 'active'`,
  );
  return rows.map((r) => `${r.application_name} (${r.state})`);
}
