import { MEMBERSHIP_SETTLING_SECONDS } from '@ishc/registry-replica';
import { PoolClient } from 'pg';
import { ClubContext, ClubLifetime, KnownMember } from './domain/club-activities';

/**
 * What the replica knows of the club and of the named members, read in the command's transaction; a member
 * whose membership of the club may still be on its way (registered moments ago, no membership of the club
 * seen) is marked so.
 *
 * One statement, not the replica library's four (club, members, their roles, those awaiting a membership):
 * a command's round trips to PostgreSQL are most of its cost. It reads the library's replica tables
 * (libs/registry-replica) with the same meaning as clubReplicaTable.find, membershipReplicaTable.findMembers
 * and membersAwaitingMembership (settling window MEMBERSHIP_SETTLING_SECONDS, on the database's clock);
 * club-context.spec.ts holds it to the library's reads, the activities API specs to the answers (409 not
 * known yet, 400 per person). The library could own this read for both services.
 */
export async function loadClubContext(client: PoolClient, clubId: string, memberIds: readonly string[]): Promise<ClubContext> {
  const { rows } = await client.query<{ club: ClubLifetime | null; members: Array<KnownMember & { memberId: string }> }>(CLUB_CONTEXT_SQL, [
    clubId,
    memberIds,
    MEMBERSHIP_SETTLING_SECONDS,
  ]);
  const { club, members } = rows[0];
  return { club, members: new Map(members.map(({ memberId, ...member }) => [memberId, member])) };
}

const CLUB_CONTEXT_SQL = `
SELECT
  (SELECT json_build_object('clubId', c.club_id, 'communeCode', c.commune_code,
                            'establishedOn', to_char(c.established_on, 'YYYY-MM-DD'), 'dissolvedOn', to_char(c.dissolved_on, 'YYYY-MM-DD'))
     FROM club_replica c WHERE c.club_id = $1) AS club,
  COALESCE((
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
                      ORDER BY s.joined_on)
                 FROM membership_replica s WHERE s.member_id = m.member_id), '[]'::json),
             'awaitingMembership', COALESCE(m.registration_replicated_at > now() - make_interval(secs => $3)
                                            AND NOT EXISTS (SELECT 1 FROM membership_replica s WHERE s.member_id = m.member_id AND s.club_id = $1), false)))
      FROM member_replica m WHERE m.member_id = ANY($2::uuid[])), '[]'::json) AS members`;

