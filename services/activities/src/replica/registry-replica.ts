import { MemberErasedV1 } from '@ishc/contracts';
import { ReplicatedEvent, replicateClubOrOrgUnitEvent, replicateMembershipEvent } from '@ishc/registry-replica';
import { PoolClient } from 'pg';
import { activityLogTable } from '../activity-log/activity-log.table';

export type { ReplicatedEvent } from '@ishc/registry-replica';

/**
 * Applies registry events to the replica tables (activities-schema.ts): the shared replicas of
 * libs/registry-replica — clubs and org units, then members with their memberships (joined, left), the
 * roles of each membership over time, and death. An erasure clears the sensitive details of the activity
 * log about the member.
 */
export async function replicateRegistryEvents(events: readonly ReplicatedEvent[], client: PoolClient): Promise<void> {
  for (const event of events) {
    if (await replicateClubOrOrgUnitEvent(event, client)) continue;
    if (await replicateMembershipEvent(event, client)) continue;
    // The registry destroyed the member's key; the sensitive details activities holds about them go too.
    if (event.type === 'MemberErased') await activityLogTable.eraseDetailsAbout(client, (event.data as MemberErasedV1).memberId);
  }
}
