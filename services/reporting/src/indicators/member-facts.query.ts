import { Sex } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { MemberFacts } from './domain/member-indicators';

/**
 * The memberships of `clubs(U,T)` (the club ids given) that may hold on `asOf` (joinedOn ≤ T < leftOn),
 * with their members' statistics fields; member-indicators.ts applies the rule of ISHC.md §6 in full.
 */
export async function readMemberFacts(db: Pool | PoolClient, clubIds: readonly string[], asOf: string): Promise<MemberFacts> {
  const r = await db.query<{
    member_id: string;
    club_id: string;
    joined_on: string;
    left_on: string | null;
    died_on: string | null;
    sex: Sex | null;
    birth_year: number | null;
    ethnic_minority: boolean | null;
    disadvantaged: string[] | null;
  }>(
    `SELECT m.member_id, m.club_id, to_char(m.joined_on, 'YYYY-MM-DD') AS joined_on, to_char(m.left_on, 'YYYY-MM-DD') AS left_on,
            to_char(p.died_on, 'YYYY-MM-DD') AS died_on, p.sex, p.birth_year, p.ethnic_minority, p.disadvantaged
       FROM rp_membership m LEFT JOIN rp_member p ON p.member_id = m.member_id
      WHERE m.club_id = ANY($1::uuid[]) AND m.joined_on <= $2 AND (m.left_on IS NULL OR m.left_on > $2)
      ORDER BY m.club_id, m.member_id`,
    [clubIds, asOf],
  );
  return {
    memberships: r.rows.map((row) => ({
      memberId: row.member_id,
      clubId: row.club_id,
      joinedOn: row.joined_on,
      leftOn: row.left_on,
      diedOn: row.died_on,
      member:
        row.sex === null || row.birth_year === null
          ? null
          : { sex: row.sex, birthYear: row.birth_year, ethnicMinority: row.ethnic_minority, disadvantaged: row.disadvantaged ?? [] },
    })),
  };
}
