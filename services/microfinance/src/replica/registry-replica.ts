import { MemberErasedV1 } from '@ishc/contracts';
import { ReplicatedEvent, replicateClubOrOrgUnitEvent, replicateMembershipEvent } from '@ishc/registry-replica';
import { PoolClient } from 'pg';
import { loanDetailTable } from '../loans/loan-detail.table';

export type { ReplicatedEvent } from '@ishc/registry-replica';

/**
 * Applies registry events to microfinance's replica (microfinance-schema.ts): clubs with their lifetime and
 * org units' dated parent links, then members with their memberships (and their dated roles) and death
 * (who may borrow) — both the shared replicas of libs/registry-replica. A member's erasure also blanks the free text of their loans.
 */
export async function replicateRegistryEvents(events: readonly ReplicatedEvent[], client: PoolClient): Promise<void> {
  for (const event of events) {
    if (await replicateClubOrOrgUnitEvent(event, client)) continue;
    if (await replicateMembershipEvent(event, client)) continue;
    if (event.type === 'MemberErased') await loanDetailTable.eraseTextOfMember(client, (event.data as MemberErasedV1).memberId);
  }
}
