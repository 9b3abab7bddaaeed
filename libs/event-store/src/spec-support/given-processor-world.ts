import { Pool } from 'pg';
import { RunningProcessor, runProcessor, RunProcessorOptions } from '../processing/run-processor';
import { PostgresEventStore } from '../store/postgres-event-store';
import { AppendResult, Position } from '../types';
import { createEventStoreDatabase } from './event-store-database';
import { numbered } from './sample-events';
import { TestDatabase } from './test-fixtures';

/** A processor's options less what the world supplies (source, target, idle wait): each may still be overridden. */
export type ProcessorStartOptions = Partial<RunProcessorOptions> & Pick<RunProcessorOptions, 'processorId' | 'handle'>;

export interface ProcessorWorld {
  /** Where effects and checkpoints land; one database for the whole suite. */
  readonly target: TestDatabase;
  /** Where events are read from; a fresh database for each test. */
  readonly source: TestDatabase;
  readonly store: PostgresEventStore;
  /** Starts a processor reading `store` into `target`; every processor started is stopped after its test. */
  start(options: ProcessorStartOptions): Promise<RunningProcessor>;
  /** Appends `count` Numbered events carrying n = from, from + 1, … to `streamId`; answers the last one's position. */
  appendNumbered(streamId: string, from: number, count: number): Promise<Position>;
  /**
   * Appends `count` Numbered events from n = `from` to `streamId` (at `expectedVersion`) in one transaction, so no
   * processor sees them yet, and meanwhile moves `processorId`'s checkpoint to the first of them, as a second
   * instance or an operator might; answers the append, committed.
   */
  appendNumberedMovingCheckpoint(processorId: string, streamId: string, expectedVersion: number, from: number, count: number): Promise<AppendResult>;
}

/**
 * Given a processor reading one database (`source`) into another (`target`), as a projection in the reporting
 * service consumes another service's store. Registers the suite's hooks: call it once inside the describe block.
 * `prepareTarget` adds what the suite's effects write to (tables, triggers) once, after the event store's tables.
 */
export function givenProcessorWorld(prefixes: { target: string; source: string }, prepareTarget: (pool: Pool) => Promise<void>): ProcessorWorld {
  let target: TestDatabase;
  let source: TestDatabase;
  let store: PostgresEventStore;
  let running: RunningProcessor[] = [];

  beforeAll(async () => {
    target = await createEventStoreDatabase(prefixes.target);
    await prepareTarget(target.pool);
  });
  afterAll(() => target.drop());

  beforeEach(async () => {
    source = await createEventStoreDatabase(prefixes.source);
    store = new PostgresEventStore(source.pool);
  });
  afterEach(async () => {
    await Promise.all(running.map((p) => p.stop()));
    running = [];
    await source.drop();
  });

  return {
    get target() {
      return target;
    },
    get source() {
      return source;
    },
    get store() {
      return store;
    },
    async start(options) {
      const processor = await runProcessor({ source: store, target: target.pool, idleWaitMs: 50, ...options });
      running.push(processor);
      return processor;
    },
    async appendNumbered(streamId, from, count) {
      return (await store.append(streamId, 'Counter', numbered(count, 'Numbered', from), { expectedVersion: 'any' })).lastPosition;
    },
    async appendNumberedMovingCheckpoint(processorId, streamId, expectedVersion, from, count) {
      const writer = await source.pool.connect();
      try {
        await writer.query('BEGIN');
        const written = await store.append(streamId, 'Counter', numbered(count, 'Numbered', from), { expectedVersion, client: writer });
        await target.pool.query(`UPDATE checkpoints SET transaction_id = $1::xid8, global_position = $2::bigint WHERE processor_id = $3`, [
          written.events[0].transactionId,
          written.events[0].globalPosition,
          processorId,
        ]);
        await writer.query('COMMIT');
        return written;
      } finally {
        writer.release();
      }
    },
  };
}
