import { PoolClient } from 'pg';
import { RecordedEvent } from '../types';
import { CheckpointKey, CommitBatch, fenceAndMoveCheckpoint } from './batch-commit';
import { inTransaction } from './in-transaction';

/**
 * 'in-target-transaction': fence, checkpoint and effect in ONE target transaction, so the effect is applied
 * exactly once. Checkpoint before effect: the compare-and-set row-locks the checkpoint, so a competing
 * instance waits there instead of running its effect, then finds the checkpoint moved and rolls back
 * having done nothing.
 */
export function commitInTargetTransaction(key: CheckpointKey, handle: (events: RecordedEvent[], client: PoolClient) => Promise<void>): CommitBatch {
  return (batch) =>
    inTransaction(key.target, async (client) => {
      const outcome = await fenceAndMoveCheckpoint(client, key, batch);
      if (outcome.commit) await handle(batch.events, client);
      return outcome;
    });
}
