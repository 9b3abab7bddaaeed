import { MemberDiedV1, MemberJoinedClubV1, MemberRegisteredV1, MembershipEndedV1, MembershipRolesChangedV1 } from '@ishc/contracts';
import { PoolClient } from 'pg';
import { ReplicatedEvent } from './club-and-org-unit-replica';

/**
 * The tables of the memberships replica that microfinance and activities keep: members the replica has
 * seen, with the day of death and when it applied their registration (membership-settling.ts), their memberships with dates (`left_on` exclusive), and each membership's
 * roles over time. Ids, dates and roles only: no personal data. A service adds this SQL to its own
 * migration (every statement is idempotent, so a database made before a table was added gets it on the
 * next start); the tables are rebuildable from the registry's events.
 */
export const MEMBERSHIP_REPLICA_TABLES = `
CREATE TABLE IF NOT EXISTS member_replica (
  member_id  uuid PRIMARY KEY,
  died_on    date
);
CREATE TABLE IF NOT EXISTS membership_replica (
  member_id  uuid NOT NULL,
  club_id    uuid NOT NULL,
  joined_on  date NOT NULL,
  left_on    date,
  PRIMARY KEY (member_id, club_id, joined_on)
);
-- The roles of each membership over time: from the joining day, then from each change's effective day.
CREATE TABLE IF NOT EXISTS membership_role_replica (
  member_id  uuid NOT NULL,
  club_id    uuid NOT NULL,
  joined_on  date NOT NULL,
  since      date NOT NULL,
  roles      text[] NOT NULL,
  PRIMARY KEY (member_id, club_id, joined_on, since)
);
-- When the replica applied the member's registration (the database's clock; null: not seen, or seen before
-- this was kept). A registration and the joining recorded right after it travel on different partitions.
ALTER TABLE member_replica ADD COLUMN IF NOT EXISTS registration_replicated_at timestamptz;
`;

/**
 * Applies one registry event to the memberships replica when it is one of its kinds (registered, joined,
 * roles changed, left, died) and says whether it was. Every statement is an upsert, so applying an event
 * twice leaves the same rows; a joining redelivered on its own does not undo a later role change of the
 * same day (its roles are only written the first time).
 */
export async function replicateMembershipEvent(event: ReplicatedEvent, client: PoolClient): Promise<boolean> {
  switch (event.type) {
    case 'MemberRegistered':
      // A redelivery keeps the first time: the settling window (membership-settling.ts) runs from it.
      await client.query(
        `INSERT INTO member_replica (member_id, registration_replicated_at) VALUES ($1, now())
         ON CONFLICT (member_id) DO UPDATE SET registration_replicated_at = COALESCE(member_replica.registration_replicated_at, EXCLUDED.registration_replicated_at)`,
        [(event.data as MemberRegisteredV1).memberId],
      );
      return true;
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
      return true;
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
      return true;
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
      return true;
    }
    case 'MemberDied': {
      const died = event.data as MemberDiedV1;
      await client.query('INSERT INTO member_replica (member_id, died_on) VALUES ($1, $2) ON CONFLICT (member_id) DO UPDATE SET died_on = EXCLUDED.died_on', [
        died.memberId,
        died.diedOn,
      ]);
      return true;
    }
  }
  return false;
}

async function knowMember(memberId: string, client: PoolClient): Promise<void> {
  await client.query('INSERT INTO member_replica (member_id) VALUES ($1) ON CONFLICT (member_id) DO NOTHING', [memberId]);
}
