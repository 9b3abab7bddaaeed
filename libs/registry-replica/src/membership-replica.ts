import { IsoDate, MemberDiedV1, MemberJoinedClubV1, MemberRegisteredV1, MembershipEndedV1 } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { ReplicatedEvent } from './club-and-org-unit-replica';

type Db = Pool | PoolClient;

/**
 * The tables of the memberships replica (the same shape activities keeps): members the replica has seen,
 * with the day of death, and their memberships with dates (`left_on` exclusive). Ids and dates only: no
 * personal data. A service adds this SQL to its own migration; the tables are rebuildable from the
 * registry's events.
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
`;

/**
 * Applies one registry event to the memberships replica when it is one of its kinds (registered, joined,
 * left, died; roles are not kept) and says whether it was. Every statement is an upsert, so applying an
 * event twice leaves the same rows.
 */
export async function replicateMembershipEvent(event: ReplicatedEvent, client: PoolClient): Promise<boolean> {
  switch (event.type) {
    case 'MemberRegistered':
      await knowMember((event.data as MemberRegisteredV1).memberId, client);
      return true;
    case 'MemberJoinedClub': {
      const joined = event.data as MemberJoinedClubV1;
      await knowMember(joined.memberId, client);
      await client.query(
        'INSERT INTO membership_replica (member_id, club_id, joined_on) VALUES ($1, $2, $3) ON CONFLICT (member_id, club_id, joined_on) DO NOTHING',
        [joined.memberId, joined.clubId, joined.joinedOn],
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

/** One membership of a member in a club: from `joinedOn` to the day before `leftOn`. */
export interface ReplicatedMembership {
  clubId: string;
  joinedOn: IsoDate;
  /** The first day not a member (null while a member). */
  leftOn: IsoDate | null;
}

/** A member as the replica knows it from the registry's events: memberships and, once dead, the day of death. */
export interface ReplicatedMember {
  memberId: string;
  diedOn: IsoDate | null;
  memberships: ReplicatedMembership[];
}

export const membershipReplicaTable = {
  /** The members of `memberIds` the replica has seen, by id (an id it has not seen is absent). */
  async findMembers(db: Db, memberIds: readonly string[]): Promise<Map<string, ReplicatedMember>> {
    const members = new Map<string, ReplicatedMember>();
    if (memberIds.length === 0) return members;
    const r = await db.query<{ member_id: string; died_on: string | null; club_id: string | null; joined_on: string | null; left_on: string | null }>(
      `SELECT m.member_id, to_char(m.died_on, 'YYYY-MM-DD') AS died_on, s.club_id,
              to_char(s.joined_on, 'YYYY-MM-DD') AS joined_on, to_char(s.left_on, 'YYYY-MM-DD') AS left_on
         FROM member_replica m LEFT JOIN membership_replica s ON s.member_id = m.member_id
        WHERE m.member_id = ANY($1::uuid[])
        ORDER BY m.member_id, s.joined_on`,
      [memberIds],
    );
    for (const row of r.rows) {
      const member = members.get(row.member_id) ?? { memberId: row.member_id, diedOn: row.died_on, memberships: [] };
      if (row.club_id !== null && row.joined_on !== null) member.memberships.push({ clubId: row.club_id, joinedOn: row.joined_on, leftOn: row.left_on });
      members.set(row.member_id, member);
    }
    return members;
  },

  /** One member as the replica knows it, or null when it has not seen the id yet. */
  async findMember(db: Db, memberId: string): Promise<ReplicatedMember | null> {
    return (await this.findMembers(db, [memberId])).get(memberId) ?? null;
  },
};
