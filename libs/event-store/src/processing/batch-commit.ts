import { Pool, PoolClient } from 'pg';
import { Position, RecordedEvent } from '../types';
import { CheckpointStore } from './checkpoint-store';
import { ProcessorLease } from './processor-lease';

/** One batch read after the checkpoint `expected`; committing it moves the checkpoint to `next`. */
export interface Batch {
  events: RecordedEvent[];
  expected: Position;
  next: Position;
  /** The lease this instance holds now, if it runs with one. */
  lease?: ProcessorLease;
}

/** Why a batch did not commit without an error: both mean "re-read the checkpoint, carry on". */
export type BatchOutcome = { commit: true } | { commit: false; reason: 'checkpoint-moved' | 'lease-lost' };

/** Runs a batch's effect and moves its checkpoint, in the order one of the ProcessorEffect modes promises. */
export type CommitBatch = (batch: Batch) => Promise<BatchOutcome>;

/** Where a processor's checkpoint lives. */
export interface CheckpointKey {
  target: Pool;
  processorId: string;
  partition: string;
}

const checkpoints = new CheckpointStore();

/**
 * Inside an open transaction on `key.target`: true (commit) only while this instance still holds its
 * lease (kept FOR SHARE until the transaction ends) and the checkpoint was still at `expected`; it is then
 * at `next` (row-locked until the transaction ends, so a competing writer waits and then finds it moved).
 */
export async function fenceAndMoveCheckpoint(client: PoolClient, key: CheckpointKey, batch: Batch): Promise<BatchOutcome> {
  if (batch.lease && !(await batch.lease.fence(client))) return { commit: false, reason: 'lease-lost' };
  if (!(await checkpoints.compareAndSet(client, key.processorId, key.partition, batch.expected, batch.next))) {
    return { commit: false, reason: 'checkpoint-moved' };
  }
  return { commit: true };
}
