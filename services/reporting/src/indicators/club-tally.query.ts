import { IsoDate } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { ClubTally, ScopeTally, TallyParameters, beneficiariesAmong } from './domain/club-tally';
import { loanWindow, trailingWindow } from './domain/windows';

/**
 * The tallies of club-tally.ts for `clubs(U,T)` (the club ids given), counted by PostgreSQL in one
 * statement: the country's 600,000 members, their role sets, health checks, home-care visits and loans
 * never leave the database, only a row of counts per club. Each count is the rule of `tallyClubs`:
 * members(k,T) (joinedOn ≤ T < leftOn, alive on T) once per club; "known" = the registration is
 * projected (sex and birth year); older = year(T) − birthYear ≥ elderlyAge; the role set in force is the
 * latest on or before T (a later one on or before T replaces it); checks and visits within W, loans
 * disbursed within the loan window, whichever club recorded or lent them. The beneficiaries of home care
 * are counted per club, with the clubs of those who are members of several (sharedBeneficiaries), so that
 * any part of the scope counts them once each without asking again (the breakdown).
 */
export async function readClubTallies(db: Pool | PoolClient, clubIds: readonly string[], asOf: IsoDate, params: TallyParameters): Promise<ScopeTally> {
  const w = trailingWindow(asOf, params.trailingWindowMonths);
  const lw = loanWindow(asOf, params);
  const r = await db.query<[string | null, number, number, number, number, number, number, number, number, number, number, number, string[] | null]>({
    rowMode: 'array',
    text: `WITH scope AS MATERIALIZED (SELECT DISTINCT unnest($1::uuid[]) AS club_id),
      -- Checks and visits within W and loans disbursed within the loan window, from the member's row of
      -- rp_member_activity (their days as multiranges: member-activity.statements.ts), found by primary key.
      members AS MATERIALIZED (
        SELECT DISTINCT m.club_id, m.member_id, p.sex, p.birth_year, p.ethnic_minority, p.disadvantaged,
               COALESCE(a.checked && daterange($3, $2, '[]'), false) AS checked,
               COALESCE(a.visited && daterange($3, $2, '[]'), false) AS visited,
               COALESCE(a.borrowed && daterange($4, $2, '[]'), false) AS borrower
          FROM scope JOIN rp_membership m ON m.club_id = scope.club_id
          LEFT JOIN rp_member p ON p.member_id = m.member_id
          LEFT JOIN rp_member_activity a ON a.member_id = m.member_id
         WHERE m.joined_on <= $2 AND (m.left_on IS NULL OR m.left_on > $2) AND (p.died_on IS NULL OR p.died_on > $2)
      ),
      -- Only a role set naming a volunteer role can count; it counts when no later set (on or before T) replaced it.
      volunteers AS (
        SELECT r.club_id, r.member_id, r.roles FROM scope JOIN rp_membership_roles r ON r.club_id = scope.club_id
         WHERE r.effective_on <= $2 AND r.roles && ARRAY['home_care_volunteer', 'livelihood_volunteer']::text[]
           AND NOT EXISTS (SELECT 1 FROM rp_membership_roles later
                            WHERE later.member_id = r.member_id AND later.club_id = r.club_id AND later.effective_on > r.effective_on AND later.effective_on <= $2)
      ),
      flagged AS MATERIALIZED (
        SELECT members.club_id, members.member_id, members.sex, members.ethnic_minority, members.disadvantaged,
               members.sex IS NOT NULL AND members.birth_year IS NOT NULL AS known,
               $5::int - members.birth_year >= $6::int AS older,
               members.checked, members.visited, members.borrower,
               volunteers.roles
          FROM members
          LEFT JOIN volunteers ON volunteers.club_id = members.club_id AND volunteers.member_id = members.member_id
      )
      SELECT club_id::text,
             count(*)::int,
             count(*) FILTER (WHERE known AND sex = 'F')::int,
             count(*) FILTER (WHERE known AND older)::int,
             count(*) FILTER (WHERE known AND NOT older)::int,
             count(*) FILTER (WHERE known AND ethnic_minority IS TRUE)::int,
             count(*) FILTER (WHERE known AND COALESCE(cardinality(disadvantaged), 0) > 0)::int,
             count(*) FILTER (WHERE known AND older AND checked)::int,
             count(*) FILTER (WHERE borrower)::int,
             count(*) FILTER (WHERE 'home_care_volunteer' = ANY(roles))::int,
             count(*) FILTER (WHERE 'livelihood_volunteer' = ANY(roles))::int,
             count(*) FILTER (WHERE visited)::int,
             NULL::text[]
        FROM flagged GROUP BY club_id
      UNION ALL
      -- A beneficiary who is a member of several clubs of the scope: one row with those clubs (no club id).
      SELECT NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, array_agg(DISTINCT club_id::text ORDER BY club_id::text)
        FROM flagged WHERE visited GROUP BY member_id HAVING count(DISTINCT club_id) > 1`,
    values: [clubIds, asOf, w.start, lw.start, Number(asOf.slice(0, 4)), params.elderlyAge],
  });
  const clubs = new Map<string, ClubTally>();
  const sharedBeneficiaries: string[][] = [];
  for (const [clubId, members, women, older, young, ethnicMinority, disadvantaged, olderHealthChecked, borrowers, homeCareVolunteers, livelihoodVolunteers, beneficiaries, shared] of r.rows) {
    if (clubId === null) sharedBeneficiaries.push(shared ?? []);
    else clubs.set(clubId, { members, women, older, young, ethnicMinority, disadvantaged, olderHealthChecked, borrowers, homeCareVolunteers, livelihoodVolunteers, beneficiaries });
  }
  const tally = { clubs, homeCareBeneficiaries: 0, sharedBeneficiaries };
  return { ...tally, homeCareBeneficiaries: beneficiariesAmong(tally, new Set(clubs.keys())) };
}
