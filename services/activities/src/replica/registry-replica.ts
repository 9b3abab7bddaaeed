import { MemberDiedV1, MemberErasedV1, MemberJoinedClubV1, MemberRegisteredV1, MembershipEndedV1, MembershipRolesChangedV1 } from '@ishc/contracts';
import { ReplicatedEvent, replicateClubOrOrgUnitEvent } from '@ishc/registry-replica';
import { PoolClient } from 'pg';
import { activityLogTable } from '../activity-log/activity-log.table';

export type { ReplicatedEvent } from '@ishc/registry-replica';

/**
 * Applies registry events to the replica tables (activities-schema.ts): the shared clubs-and-org-units
 * replica, plus members with their memberships (joined, left), the roles of each membership over time, and
 * death; an erasure clears the sensitive details of the activity log about the member. Every statement is an upsert, so applying an event twice leaves the same rows; a joining redelivered
 * on its own does not undo a later role change of the same day (its roles are only written the first time).
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
        await client.query(
          `INSERT INTO membership_role_replica (member_id, club_id, joined_on, since, roles) VALUES ($1, $2, $3, $3, $4)
           ON CONFLICT (member_id, club_id, joined_on, since) DO NOTHING`,
          [joined.memberId, joined.clubId, joined.joinedOn, joined.roles],
        );
        break;
      }
      case 'MembershipRolesChanged': {
        // The registry changes the roles of the membership active on `effectiveOn` (the latest one begun by then).
        const changed = event.data as MembershipRolesChangedV1;
        await client.query(
          `INSERT INTO membership_role_replica (member_id, club_id, joined_on, since, roles)
           SELECT member_id, club_id, max(joined_on), $3::date, $4::text[] FROM membership_replica
            WHERE member_id = $1 AND club_id = $2 AND joined_on <= $3 GROUP BY member_id, club_id
           ON CONFLICT (member_id, club_id, joined_on, since) DO UPDATE SET roles = EXCLUDED.roles`,
          [changed.memberId, changed.clubId, changed.effectiveOn, changed.roles],
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
      case 'MemberErased':
        // The registry destroyed the member's key; the sensitive details activities holds about them go too.
        await activityLogTable.eraseDetailsAbout(client, (event.data as MemberErasedV1).memberId);
        break;
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
