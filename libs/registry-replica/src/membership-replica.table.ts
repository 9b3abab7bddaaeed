import { IsoDate, MembershipRole } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';

type Db = Pool | PoolClient;

/** One membership of a member in a club: from `joinedOn` to the day before `leftOn`. */
export interface ReplicatedMembership {
  clubId: string;
  joinedOn: IsoDate;
  /** The first day not a member (null while a member). */
  leftOn: IsoDate | null;
  /** The roles from each day they took effect, in order. */
  roles: Array<{ since: IsoDate; roles: MembershipRole[] }>;
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
        ORDER BY m.member_id, s.joined_on, s.club_id`,
      [memberIds],
    );
    const roles = await db.query<{ member_id: string; club_id: string; joined_on: string; since: string; roles: MembershipRole[] }>(
      `SELECT member_id, club_id, to_char(joined_on, 'YYYY-MM-DD') AS joined_on, to_char(since, 'YYYY-MM-DD') AS since, roles
         FROM membership_role_replica WHERE member_id = ANY($1::uuid[]) ORDER BY member_id, club_id, joined_on, since`,
      [memberIds],
    );
    const rolesOf = (memberId: string, clubId: string, joinedOn: string) =>
      roles.rows.filter((x) => x.member_id === memberId && x.club_id === clubId && x.joined_on === joinedOn).map((x) => ({ since: x.since, roles: x.roles }));
    for (const row of r.rows) {
      const member = members.get(row.member_id) ?? { memberId: row.member_id, diedOn: row.died_on, memberships: [] };
      if (row.club_id !== null && row.joined_on !== null) {
        member.memberships.push({ clubId: row.club_id, joinedOn: row.joined_on, leftOn: row.left_on, roles: rolesOf(row.member_id, row.club_id, row.joined_on) });
      }
      members.set(row.member_id, member);
    }
    return members;
  },

  /** One member as the replica knows it, or null when it has not seen the id yet. */
  async findMember(db: Db, memberId: string): Promise<ReplicatedMember | null> {
    return (await this.findMembers(db, [memberId])).get(memberId) ?? null;
  },
};
