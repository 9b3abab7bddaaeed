import { Pool, PoolClient } from 'pg';
import { PostgresEventStore } from '../store/postgres-event-store';
import { Position, RecordedEvent } from '../types';
import { ProcessorLoop } from './processor-loop';
import { RetryBackoff } from './retry-backoff';

interface CommonProcessorOptions {
  processorId: string;
  /** Default 'all'. The checkpoint key; also the lease key (`processorId/partition`) when it is not 'all'. */
  partition?: string;
  /** Events are read from here; may be another database than `target`. */
  source: PostgresEventStore;
  /** The checkpoint (and, in-target-transaction, the effect) commits here. Needs migrateEventStore's tables. */
  target: Pool;
  /** Default 500. */
  batchSize?: number;
  /** Longest wait for new events when caught up (default 1000 ms); an append's NOTIFY ends it early. */
  idleWaitMs?: number;
  /** Default true: hold a ProcessorLease on `target` before processing. */
  lease?: boolean;
  /** Lease validity, passed to ProcessorLease (default 30 s): how long a successor waits for a vanished holder. */
  leaseMs?: number;
  /** Backoff between retries of a failing batch (default 100 ms doubling up to 30 s). */
  retry?: RetryBackoff;
  /** Every failure, with its consecutive attempt number. Without it, failures become process warnings. */
  onError?: (err: unknown, attempt: number) => void;
  /** After each committed batch, with the new checkpoint. */
  onBatch?: (events: RecordedEvent[], position: Position) => void;
}

/**
 * Where the effect lives decides how a batch commits (the option says which guarantee the caller gets):
 * - 'in-target-transaction' (default; projections, inbox consumers): the effect writes to `target` in the
 *   batch's transaction, with the checkpoint: applied exactly once. That transaction stays open (and holds
 *   an xid) while the effect runs, which is fine for a few quick statements.
 * - 'external-at-least-once' (the Kafka relay): the effect is outside `target`, so no transaction can make
 *   it atomic with the checkpoint, and holding one open across it (a broker round trip) would hold back
 *   every gap-safe reader on the server. It runs with no transaction open; the checkpoint then moves in a
 *   short one. A crash, a lost lease or a checkpoint moved by another instance between the two runs the
 *   effect for that batch again: receivers must deduplicate (the relay's consumers do, by event id).
 */
export type ProcessorEffect = InTargetTransactionEffect | ExternalAtLeastOnceEffect;

export interface InTargetTransactionEffect {
  effect?: 'in-target-transaction';
  /** Applies a batch inside the target transaction. Throwing rolls the batch back; it is then retried. */
  handle(events: RecordedEvent[], client: PoolClient): Promise<void>;
}

export interface ExternalAtLeastOnceEffect {
  effect: 'external-at-least-once';
  /** Applies a batch outside any transaction of the processor. Throwing leaves the checkpoint; it is then retried. */
  handle(events: RecordedEvent[]): Promise<void>;
}

export type RunProcessorOptions = CommonProcessorOptions & ProcessorEffect;

export interface RunningProcessor {
  /** Finishes the batch in progress (commit or rollback), releases the lease, and resolves. */
  stop(): Promise<void>;
  /** The last committed checkpoint this instance knows (START until it has read one). */
  position(): Position;
  /** True once position() reaches `p`; false on timeout or stop. */
  waitUntil(p: Position, timeoutMs: number): Promise<boolean>;
  /** Settles when the loop has ended (after stop). */
  done: Promise<void>;
}

/**
 * Starts a checkpointed processor (projection, relay, reactor) and returns at once; the loop runs until
 * `stop`. Each batch: read after the checkpoint (gap-safe, see readAll), then fence the lease and
 * compare-and-set the checkpoint in a target transaction, with the effect inside it or before it
 * (`effect`, see ProcessorEffect).
 */
export async function runProcessor(options: RunProcessorOptions): Promise<RunningProcessor> {
  const batchSize = options.batchSize ?? 500;
  const idleWaitMs = options.idleWaitMs ?? 1_000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  if (!(idleWaitMs >= 0)) throw new RangeError(`idleWaitMs must be >= 0, got ${idleWaitMs}`);
  return new ProcessorLoop({
    ...options,
    partition: options.partition ?? 'all',
    batchSize,
    idleWaitMs,
    lease: options.lease ?? true,
  });
}
