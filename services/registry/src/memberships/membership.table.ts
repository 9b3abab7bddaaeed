import { MemberJoinedClubV1, MembershipRole } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { MembershipsEvent } from './domain/memberships';
import { memberTable } from '../members/member.table';

type Db = Pool | PoolClient;

/** One membership row: a person in a club from joinedOn to leftOn (exclusive). */
export interface MembershipRow {
  memberId: string;
  clubId: string;
  joinedOn: string;
  leftOn: string | null;
  roles: MembershipRole[];
  rolesSince: string;
  endReason: string | null;
}

interface Row {
  member_id: string;
  club_id: string;
  joined_on: string;
  left_on: string | null;
  roles: MembershipRole[];
  roles_since: string;
  end_reason: string | null;
}

const COLUMNS = `member_id, club_id, to_char(joined_on, 'YYYY-MM-DD') AS joined_on, to_char(left_on, 'YYYY-MM-DD') AS left_on, roles,
  to_char(roles_since, 'YYYY-MM-DD') AS roles_since, end_reason`;

const toRow = (r: Row): MembershipRow => ({
  memberId: r.member_id,
  clubId: r.club_id,
  joinedOn: r.joined_on,
  leftOn: r.left_on,
  roles: r.roles,
  rolesSince: r.roles_since,
  endReason: r.end_reason,
});

/** The registry's memberships table (see registry-schema.ts), kept in step with the memberships stream. */
export const membershipTable = {
  /** Many first memberships at once (a bulk import of new members): one statement per table. */
  async insertJoins(db: Db, joins: MemberJoinedClubV1[]): Promise<void> {
    if (joins.length === 0) return;
    const rows = JSON.stringify(joins.map((j) => ({ member_id: j.memberId, club_id: j.clubId, joined_on: j.joinedOn, roles: j.roles })));
    const source = `jsonb_to_recordset($1::jsonb) AS x(member_id uuid, club_id uuid, joined_on date, roles jsonb)`;
    await db.query(
      `INSERT INTO memberships (member_id, club_id, joined_on, roles, roles_since)
       SELECT x.member_id, x.club_id, x.joined_on, ARRAY(SELECT jsonb_array_elements_text(x.roles)), x.joined_on FROM ${source}`,
      [rows],
    );
    await db.query(
      `INSERT INTO membership_roles (member_id, club_id, joined_on, valid_from, roles)
       SELECT x.member_id, x.club_id, x.joined_on, x.joined_on, ARRAY(SELECT jsonb_array_elements_text(x.roles)) FROM ${source}`,
      [rows],
    );
  },

  /** Every membership of the club (active and ended), oldest first. */
  async ofClub(db: Db, clubId: string): Promise<MembershipRow[]> {
    const r = await db.query<Row>(`SELECT ${COLUMNS} FROM memberships WHERE club_id = $1 ORDER BY joined_on, member_id`, [clubId]);
    return r.rows.map(toRow);
  },

  /** The club's memberships that hold on `asOf` (joinedOn ≤ asOf < leftOn), each with its roles of that day. */
  async ofClubOn(db: Db, clubId: string, asOf: string): Promise<MembershipRow[]> {
    const r = await db.query<Row>(
      `SELECT m.member_id, m.club_id, to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on, to_char(m.left_on, 'YYYY-MM-DD') AS left_on,
              COALESCE(h.roles, m.roles) AS roles, to_char(COALESCE(h.valid_from, m.roles_since), 'YYYY-MM-DD') AS roles_since, m.end_reason
         FROM memberships m
         LEFT JOIN LATERAL (SELECT r.roles, r.valid_from FROM membership_roles r
                             WHERE r.member_id = m.member_id AND r.club_id = m.club_id AND r.joined_on = m.joined_on AND r.valid_from <= $2
                             ORDER BY r.valid_from DESC LIMIT 1) h ON true
        WHERE m.club_id = $1 AND m.joined_on <= $2 AND (m.left_on IS NULL OR m.left_on > $2)
        ORDER BY m.joined_on, m.member_id`,
      [clubId, asOf],
    );
    return r.rows.map(toRow);
  },

  /** The dated roles of each of the person's memberships. */
  async roleHistoryOf(db: Db, memberId: string): Promise<Array<{ clubId: string; joinedOn: string; validFrom: string; roles: MembershipRole[] }>> {
    const r = await db.query<{ club_id: string; joined_on: string; valid_from: string; roles: MembershipRole[] }>(
      `SELECT club_id, to_char(joined_on, 'YYYY-MM-DD') AS joined_on, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, roles
         FROM membership_roles WHERE member_id = $1 ORDER BY joined_on, valid_from`,
      [memberId],
    );
    return r.rows.map((row) => ({ clubId: row.club_id, joinedOn: row.joined_on, validFrom: row.valid_from, roles: row.roles }));
  },

  /** Every membership of the person, oldest first. */
  async ofMember(db: Db, memberId: string): Promise<MembershipRow[]> {
    const r = await db.query<Row>(`SELECT ${COLUMNS} FROM memberships WHERE member_id = $1 ORDER BY joined_on, club_id`, [memberId]);
    return r.rows.map(toRow);
  },

  async apply(db: Db, events: MembershipsEvent[]): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case 'MemberJoinedClub': {
          const { memberId, clubId, joinedOn, roles } = event.data;
          // The membership and its first dated role set, in one statement.
          await db.query(
            `WITH membership AS (
               INSERT INTO memberships (member_id, club_id, joined_on, roles, roles_since) VALUES ($1, $2, $3, $4, $3)
             )
             INSERT INTO membership_roles (member_id, club_id, joined_on, valid_from, roles) VALUES ($1, $2, $3, $3, $4)`,
            [memberId, clubId, joinedOn, roles],
          );
          break;
        }
        case 'MembershipRolesChanged': {
          const { memberId, clubId, roles, effectiveOn } = event.data;
          await db.query('UPDATE memberships SET roles = $3, roles_since = $4 WHERE member_id = $1 AND club_id = $2 AND left_on IS NULL', [memberId, clubId, roles, effectiveOn]);
          await db.query(
            `INSERT INTO membership_roles (member_id, club_id, joined_on, valid_from, roles)
             SELECT member_id, club_id, joined_on, $3, $4 FROM memberships WHERE member_id = $1 AND club_id = $2 AND left_on IS NULL
             ON CONFLICT (member_id, club_id, joined_on, valid_from) DO UPDATE SET roles = EXCLUDED.roles`,
            [memberId, clubId, effectiveOn, roles],
          );
          break;
        }
        case 'MembershipEnded': {
          const { memberId, clubId, leftOn, reason } = event.data;
          await db.query('UPDATE memberships SET left_on = $3, end_reason = $4 WHERE member_id = $1 AND club_id = $2 AND left_on IS NULL', [memberId, clubId, leftOn, reason]);
          break;
        }
        case 'MemberDied':
          await memberTable.markDied(db, event.data.memberId, event.data.diedOn);
          break;
      }
    }
  },
};
