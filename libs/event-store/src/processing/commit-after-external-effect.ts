import { RecordedEvent } from '../types';
import { CheckpointKey, CommitBatch, fenceAndMoveCheckpoint } from './batch-commit';
import { inTransaction } from './in-transaction';

/**
 * 'external-at-least-once': the effect first, with no transaction of ours open (an open one would hold an
 * xid, and with it the xmin horizon of every gap-safe reader on the server, for as long as the effect
 * takes); then one short transaction that fences the lease and moves the checkpoint. If that fails or does
 * not commit (crash, lost lease, checkpoint moved by another instance), the checkpoint stays and whoever
 * goes on from it runs the effect for these events again: at least once, never skipped.
 */
export function commitAfterExternalEffect(key: CheckpointKey, handle: (events: RecordedEvent[]) => Promise<void>): CommitBatch {
  return async (batch) => {
    // Only a cheap local check: the fence below is what guarantees that a stale holder cannot commit.
    if (batch.lease && !batch.lease.isHeld()) return { commit: false, reason: 'lease-lost' };
    await handle(batch.events);
    return inTransaction(key.target, (client) => fenceAndMoveCheckpoint(client, key, batch));
  };
}
