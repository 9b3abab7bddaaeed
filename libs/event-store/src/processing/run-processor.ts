import { Pool, PoolClient } from 'pg';
import { PostgresEventStore } from '../store/postgres-event-store';
import { Position, RecordedEvent } from '../types';
import { ProcessorLoop } from './processor-loop';
import { RetryBackoff } from './retry-backoff';

export interface RunProcessorOptions {
  processorId: string;
  /** Default 'all'. The checkpoint key; also the lease key (`processorId/partition`) when it is not 'all'. */
  partition?: string;
  /** Events are read from here; may be another database than `target`. */
  source: PostgresEventStore;
  /** The effect and the checkpoint commit here, in one transaction. Needs migrateEventStore's tables. */
  target: Pool;
  /** Applies a batch inside the target transaction. Throwing rolls the batch back; it is then retried. */
  handle(events: RecordedEvent[], client: PoolClient): Promise<void>;
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
 * `stop`. Each batch: read after the checkpoint (gap-safe, see readAll), then in ONE target transaction
 * fence the lease, compare-and-set the checkpoint, apply the effect, commit.
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
