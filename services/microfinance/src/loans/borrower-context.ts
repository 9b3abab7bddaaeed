import { MEMBERSHIP_SETTLING_SECONDS } from '@ishc/registry-replica';
import { PoolClient } from 'pg';
import { ClubLifetime } from '../funds/domain/club-lifetime';
import { BorrowerContext, KnownMember } from './domain/borrower';

// What the replica knows of a loan's club and borrower, read in the command's transaction in ONE statement
// rather than the replica library's four (club, member, their roles, whether the membership may still be on
// its way): a loan command's round trips to PostgreSQL are most of its cost. It reads the library's replica
// tables (libs/registry-replica) with the meaning of clubReplicaTable.find, membershipReplicaTable.findMember
// and membersAwaitingMembership (settling window MEMBERSHIP_SETTLING_SECONDS, on the database's clock);
// borrower-context.spec.ts holds it to the library's reads, the loans' API specs to the answers (409 not known
// yet, 409 not a member, 400 outside the club's lifetime). The library could own this read for both services.

/** The context of a borrower of the club (applying for a loan). */
export async function loadBorrowerContext(client: PoolClient, clubId: string, memberId: string): Promise<BorrowerContext> {
  const { rows } = await client.query<ContextRow>(`WITH target AS (SELECT $1::uuid AS club_id, $2::uuid AS member_id) ${contextOf('$3')}`, [
    clubId,
    memberId,
    MEMBERSHIP_SETTLING_SECONDS,
  ]);
  return { clubId, memberId, club: rows[0].club, member: rows[0].member };
}

/** The context of a loan's borrower (its club and member from loan_detail), in the same one statement; null for a loan that does not exist. */
export async function loadBorrowerOfLoan(client: PoolClient, loanId: string): Promise<BorrowerContext | null> {
  const { rows } = await client.query<ContextRow & { club_id: string; member_id: string }>(
    `WITH target AS (SELECT club_id, member_id FROM loan_detail WHERE loan_id = $1) ${contextOf('$2')}`,
    [loanId, MEMBERSHIP_SETTLING_SECONDS],
  );
  const row = rows[0];
  return row ? { clubId: row.club_id, memberId: row.member_id, club: row.club, member: row.member } : null;
}

interface ContextRow {
  club: ClubLifetime | null;
  member: KnownMember | null;
}

/** The club and the member of each row of `target` (club_id, member_id), with the settling window's parameter. */
function contextOf(settlingSeconds: string): string {
  return `
SELECT t.*,
  (SELECT json_build_object('clubId', c.club_id, 'communeCode', c.commune_code,
                            'establishedOn', to_char(c.established_on, 'YYYY-MM-DD'), 'dissolvedOn', to_char(c.dissolved_on, 'YYYY-MM-DD'))
     FROM club_replica c WHERE c.club_id = t.club_id) AS club,
  (SELECT json_build_object(
            'diedOn', to_char(m.died_on, 'YYYY-MM-DD'),
            'memberships', COALESCE((
              SELECT json_agg(json_build_object('clubId', s.club_id, 'joinedOn', to_char(s.joined_on, 'YYYY-MM-DD'), 'leftOn', to_char(s.left_on, 'YYYY-MM-DD'))
                              ORDER BY s.joined_on)
                FROM membership_replica s WHERE s.member_id = m.member_id), '[]'::json),
            'awaitingMembership', COALESCE(m.registration_replicated_at > now() - make_interval(secs => ${settlingSeconds})
                                           AND NOT EXISTS (SELECT 1 FROM membership_replica s WHERE s.member_id = m.member_id AND s.club_id = t.club_id), false))
     FROM member_replica m WHERE m.member_id = t.member_id) AS member
  FROM target t`;
}
