import { Pool, PoolClient } from 'pg';
import { ReplicatedClub } from './club-replica.table';
import { ReplicatedMember } from './membership-replica.table';
import { MEMBERSHIP_SETTLING_SECONDS } from './membership-settling';

type Db = Pool | PoolClient;

/** A named member as the replica knows them, and whether their membership of the club may still be on its way. */
export interface ReplicatedClubMember extends ReplicatedMember {
  /** As membersAwaitingMembership answers it for the club (settling window MEMBERSHIP_SETTLING_SECONDS). */
  awaitingMembership: boolean;
}

/** What the replica knows of a club and of the people a command names (an id not seen is absent). */
export interface ReplicatedClubContext {
  club: ReplicatedClub | null;
  members: Map<string, ReplicatedClubMember>;
}

/**
 * The club (as clubReplicaTable.find), the named members with their memberships and dated roles (as
 * membershipReplicaTable.findMembers) and which of them await their membership of the club (as
 * membersAwaitingMembership), in ONE statement instead of those four: a command reads this in its
 * transaction, and its round trips to PostgreSQL are most of its cost. replicated-club-context.spec.ts holds
 * it to those reads.
 */
export async function readClubContext(db: Db, clubId: string, memberIds: readonly string[]): Promise<ReplicatedClubContext> {
  const [row] = await readClubContextOfRows(db, 'SELECT $1::uuid AS club_id, $2::uuid[] AS member_ids', [clubId, memberIds]);
  return row.clubContext;
}

/**
 * The same read for a caller whose club and people are in a table of its own (microfinance: a loan's club and
 * borrower in loan_detail), still in one statement. `targetSql` selects `club_id` (uuid) and `member_ids`
 * (uuid[]) with `params`; each of its rows comes back with its own columns as they are and its club context.
 */
export async function readClubContextOfRows<Row extends object>(db: Db, targetSql: string, params: readonly unknown[]): Promise<Array<Row & { clubContext: ReplicatedClubContext }>> {
  const { rows } = await db.query<Row & { club_context: ClubContextJson }>(clubContextStatement(targetSql, `$${params.length + 1}`), [...params, MEMBERSHIP_SETTLING_SECONDS]);
  return rows.map(({ club_context: { club, members }, ...row }) => ({
    ...(row as unknown as Row),
    clubContext: { club, members: new Map(members.map((member) => [member.memberId, member])) },
  }));
}

interface ClubContextJson {
  club: ReplicatedClub | null;
  members: ReplicatedClubMember[];
}

/** The statement: the json of each target row's context, dates as YYYY-MM-DD like the per-part reads. */
function clubContextStatement(targetSql: string, settlingSeconds: string): string {
  return `
WITH target AS (${targetSql})
SELECT t.*, json_build_object(
  'club', (SELECT json_build_object('clubId', c.club_id, 'communeCode', c.commune_code,
                                    'establishedOn', to_char(c.established_on, 'YYYY-MM-DD'), 'dissolvedOn', to_char(c.dissolved_on, 'YYYY-MM-DD'))
             FROM club_replica c WHERE c.club_id = t.club_id),
  'members', COALESCE((
    SELECT json_agg(json_build_object(
             'memberId', m.member_id,
             'diedOn', to_char(m.died_on, 'YYYY-MM-DD'),
             'memberships', COALESCE((
               SELECT json_agg(json_build_object(
                        'clubId', s.club_id, 'joinedOn', to_char(s.joined_on, 'YYYY-MM-DD'), 'leftOn', to_char(s.left_on, 'YYYY-MM-DD'),
                        'roles', COALESCE((
                          SELECT json_agg(json_build_object('since', to_char(r.since, 'YYYY-MM-DD'), 'roles', r.roles) ORDER BY r.since)
                            FROM membership_role_replica r
                           WHERE r.member_id = s.member_id AND r.club_id = s.club_id AND r.joined_on = s.joined_on), '[]'::json))
                      ORDER BY s.joined_on, s.club_id)
                 FROM membership_replica s WHERE s.member_id = m.member_id), '[]'::json),
             'awaitingMembership', COALESCE(m.registration_replicated_at > now() - make_interval(secs => ${settlingSeconds})
                                            AND NOT EXISTS (SELECT 1 FROM membership_replica s WHERE s.member_id = m.member_id AND s.club_id = t.club_id), false)))
      FROM member_replica m WHERE m.member_id = ANY(t.member_ids)), '[]'::json)) AS club_context
  FROM target t`;
}
