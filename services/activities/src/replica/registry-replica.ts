import { MemberDiedV1, MemberJoinedClubV1, MemberRegisteredV1, MembershipEndedV1 } from '@ishc/contracts';
import { ReplicatedEvent, replicateClubOrOrgUnitEvent } from '@ishc/registry-replica';
import { PoolClient } from 'pg';

export type { ReplicatedEvent } from '@ishc/registry-replica';

/**
 * Applies registry events to the replica tables (activities-schema.ts): the shared clubs-and-org-units
 * replica, plus members with their memberships (joined, left) and death. Roles are not kept (no rule reads
 * them yet). Every statement is an upsert, so applying an event twice leaves the same rows.
 */
export async function replicateRegistryEvents(events: readonly ReplicatedEvent[], client: PoolClient): Promise<void> {
  for (const event of events) {
    if (await replicateClubOrOrgUnitEvent(event, client)) continue;
    switch (event.type) {
      case 'MemberRegistered':
        await knowMember((event.data as MemberRegisteredV1).memberId, client);
        break;
      case 'MemberJoinedClub': {
        const joined = event.data as MemberJoinedClubV1;
        await knowMember(joined.memberId, client);
        await client.query(
          'INSERT INTO membership_replica (member_id, club_id, joined_on) VALUES ($1, $2, $3) ON CONFLICT (member_id, club_id, joined_on) DO NOTHING',
          [joined.memberId, joined.clubId, joined.joinedOn],
        );
        break;
      }
      case 'MembershipEnded': {
        // Ends the latest membership in the club that began before `leftOn` (exclusive).
        const ended = event.data as MembershipEndedV1;
        await client.query(
          `UPDATE membership_replica SET left_on = $3
            WHERE member_id = $1 AND club_id = $2
              AND joined_on = (SELECT max(joined_on) FROM membership_replica WHERE member_id = $1 AND club_id = $2 AND joined_on < $3)`,
          [ended.memberId, ended.clubId, ended.leftOn],
        );
        break;
      }
      case 'MemberDied': {
        const died = event.data as MemberDiedV1;
        await client.query(
          'INSERT INTO member_replica (member_id, died_on) VALUES ($1, $2) ON CONFLICT (member_id) DO UPDATE SET died_on = EXCLUDED.died_on',
          [died.memberId, died.diedOn],
        );
        break;
      }
    }
  }
}

async function knowMember(memberId: string, client: PoolClient): Promise<void> {
  await client.query('INSERT INTO member_replica (member_id) VALUES ($1) ON CONFLICT (member_id) DO NOTHING', [memberId]);
}
