// The national read model for the indicator query at national scale, filled by the faster path: SQL
// `generate_series` INSERTs straight into reporting's rp_* tables (reporting-schema.ts), no events. Every
// id and attribute is a function of a row number (md5-derived uuids, modular arithmetic), so two fills
// of one size are identical. The hierarchy is the one reporting resolves (rp_org_unit + dated
// rp_org_unit_parent links): country VN → provinces → districts → communes, clubs in communes.
// Density: the province generator's per club (60 members, 2 funds, monthly meetings and sessions, 5
// home-care beneficiaries), but one year of activity (2025, the trailing window of an as-of date in
// December 2025) and loans to 30 % of the members in 2025 instead of 60 % a year for 5 years.
import { Pool } from 'pg';
import { LOAN_INSTALMENTS_FROM_LOANS } from '../../services/reporting/src/projections/loan-instalment.statements';
import { LOAN_PAID_FROM_REPAYMENTS } from '../../services/reporting/src/projections/loan-paid.statements';
import { MEMBER_ACTIVITY_FROM_FACTS } from '../../services/reporting/src/projections/member-activity.statements';

export interface NationalSize {
  provinces: number;
  districtsPerProvince: number;
  communesPerDistrict: number;
  clubs: number;
  membersPerClub: number;
}

export const NATIONAL_CODE = 'VN';

export async function fillNational(pool: Pool, size: NationalSize, log: (line: string) => void): Promise<Record<string, number>> {
  const districts = size.provinces * size.districtsPerProvince;
  const communes = districts * size.communesPerDistrict;
  const members = size.clubs * size.membersPerClub;
  const p = (i: string) => `'N' || lpad((${i} + 1)::text, 2, '0')`;
  const d = (i: string) => `${p(`(${i}) / ${size.districtsPerProvince}`)} || '-D' || ((${i}) % ${size.districtsPerProvince} + 1)`;
  const c = (i: string) => `${d(`(${i}) / ${size.communesPerDistrict}`)} || '-C' || ((${i}) % ${size.communesPerDistrict} + 1)`;
  const club = (i: string) => `md5('club-' || (${i}))::uuid`;
  const member = (i: string) => `md5('member-' || (${i}))::uuid`;
  // Loans: members with m % 10 < 3, disbursed in 2025 (month and day from m), 12 instalments at 0.5 % a
  // month; one borrower in 97 stops paying after 3 (overdue, so PAR30 is not zero).
  const loanSql = `SELECT m, md5('loan-' || m)::uuid AS loan_id, ${club(`m / ${size.membersPerClub}`)} AS club_id, ${member('m')} AS member_id,
         (1000000 * (2 + m % 9))::bigint AS principal, make_date(2025, 1 + (m * 7) % 12, 1 + m % 28) AS disbursed_on
    FROM generate_series(0, ${members - 1}) m WHERE m % 10 < 3`;
  const instalments = `SELECT l.*, k, (l.disbursed_on + make_interval(months => k))::date AS due_on,
         CASE WHEN k = 12 THEN l.principal - 11 * (l.principal / 12) ELSE l.principal / 12 END AS principal_k,
         round((l.principal - (k - 1) * (l.principal / 12)) * 0.005)::bigint AS interest_k
    FROM (${loanSql}) l, generate_series(1, 12) k`;
  const statements: Array<[string, string]> = [
    ['org units', `INSERT INTO rp_org_unit (code, name, level, valid_from, valid_to, attributes) VALUES ('VN', 'Việt Nam', 'country', '2000-01-01', NULL, '{}')`],
    ['org units', `INSERT INTO rp_org_unit SELECT ${p('i')}, 'Tỉnh ' || i, 'province', '2000-01-01', NULL, '{}' FROM generate_series(0, ${size.provinces - 1}) i`],
    ['org units', `INSERT INTO rp_org_unit SELECT ${d('i')}, 'Huyện ' || i, 'district', '2000-01-01', NULL, '{}' FROM generate_series(0, ${districts - 1}) i`],
    ['org units', `INSERT INTO rp_org_unit SELECT ${c('i')}, 'Xã ' || i, 'commune', '2000-01-01', NULL, '{}' FROM generate_series(0, ${communes - 1}) i`],
    ['org units', `INSERT INTO rp_org_unit_parent SELECT ${p('i')}, 'VN', '2000-01-01', NULL FROM generate_series(0, ${size.provinces - 1}) i`],
    ['org units', `INSERT INTO rp_org_unit_parent SELECT ${d('i')}, ${p(`i / ${size.districtsPerProvince}`)}, '2000-01-01', NULL FROM generate_series(0, ${districts - 1}) i`],
    ['org units', `INSERT INTO rp_org_unit_parent SELECT ${c('i')}, ${d(`i / ${size.communesPerDistrict}`)}, '2000-01-01', NULL FROM generate_series(0, ${communes - 1}) i`],
    ['clubs', `INSERT INTO rp_club (club_id, commune_code, established_on, name) SELECT ${club('i')}, ${c(`i % ${communes}`)}, make_date(2020, 1 + i % 12, 1 + i % 28), 'CLB ' || i FROM generate_series(0, ${size.clubs - 1}) i`],
    [
      'members',
      `INSERT INTO rp_member (member_id, sex, birth_year, ethnic_minority, disadvantaged)
       SELECT ${member('m')}, CASE WHEN m % 10 < 7 THEN 'F' ELSE 'M' END, 1935 + m % 41, m % 5 < 3, CASE WHEN m % 10 < 3 THEN ARRAY['poor'] ELSE ARRAY[]::text[] END
         FROM generate_series(0, ${members - 1}) m`,
    ],
    ['members', `INSERT INTO rp_membership (member_id, club_id, joined_on) SELECT ${member('m')}, ${club(`m / ${size.membersPerClub}`)}, '2021-01-02' FROM generate_series(0, ${members - 1}) m`],
    [
      'members',
      `INSERT INTO rp_membership_roles (member_id, club_id, effective_on, roles)
       SELECT ${member('m')}, ${club(`m / ${size.membersPerClub}`)}, '2021-01-02',
              CASE WHEN m % ${size.membersPerClub} = 0 THEN ARRAY['chair'] WHEN m % ${size.membersPerClub} < 6 THEN ARRAY['home_care_volunteer'] ELSE ARRAY['member'] END
         FROM generate_series(0, ${members - 1}) m`,
    ],
    ['funds', `INSERT INTO rp_fund (club_id, kind, opened_on) SELECT ${club('i')}, kind, '2020-12-01' FROM generate_series(0, ${size.clubs - 1}) i, unnest(ARRAY['income', 'activity']) kind`],
    [
      'funds',
      `INSERT INTO rp_fund_movement (event_id, club_id, kind, on_date, cash_delta_vnd, principal_delta_vnd)
       SELECT md5('contribution-' || i || kind || mo)::uuid, ${club('i')}, kind, make_date(2025, mo, 5), CASE WHEN kind = 'income' THEN 1000000 * (1 + (i + mo) % 5) ELSE 100000 * (1 + (i + mo) % 10) END, 0
         FROM generate_series(0, ${size.clubs - 1}) i, unnest(ARRAY['income', 'activity']) kind, generate_series(1, 12) mo`,
    ],
    [
      'activities',
      `INSERT INTO rp_meeting (meeting_id, club_id, held_on, areas, extra)
       SELECT md5('meeting-' || i || '-' || mo)::uuid, ${club('i')}, make_date(2025, mo, 1 + (i + mo) % 28),
              ARRAY[(ARRAY['livelihood','health','home_care','self_help','rights','learning','culture','resources'])[1 + (i + mo) % 8]], false
         FROM generate_series(0, ${size.clubs - 1}) i, generate_series(1, 12) mo`,
    ],
    [
      'activities',
      `INSERT INTO rp_session (session_id, club_id, area, held_on)
       SELECT md5('session-' || i || '-' || mo)::uuid, ${club('i')}, (ARRAY['livelihood','health','home_care','self_help','rights','learning','culture','resources'])[1 + (i * 3 + mo) % 8], make_date(2025, mo, 1 + (i + mo) % 28)
         FROM generate_series(0, ${size.clubs - 1}) i, generate_series(1, 12) mo`,
    ],
    [
      'activities',
      `INSERT INTO rp_health_check (health_check_id, club_id, member_id, checked_on)
       SELECT md5('check-' || m || '-' || mo)::uuid, ${club(`m / ${size.membersPerClub}`)}, ${member('m')}, make_date(2025, mo, 1 + m % 28)
         FROM generate_series(0, ${members - 1}) m, unnest(ARRAY[3, 9]) mo`,
    ],
    [
      'activities',
      `INSERT INTO rp_home_care_visit (visit_id, club_id, volunteer_id, beneficiary_id, visited_on)
       SELECT md5('visit-' || i || '-' || b || '-' || mo)::uuid, ${club('i')}, ${member(`i * ${size.membersPerClub} + 1 + b`)}, ${member(`i * ${size.membersPerClub} + ${size.membersPerClub - 5} + b`)}, make_date(2025, mo, 1 + (i + mo) % 28)
         FROM generate_series(0, ${size.clubs - 1}) i, generate_series(0, 4) b, generate_series(1, 12) mo`,
    ],
    [
      'loans',
      `INSERT INTO rp_loan (loan_id, club_id, member_id, principal_vnd, disbursed_on, schedule)
       SELECT loan_id, club_id, member_id, principal, disbursed_on,
              jsonb_agg(jsonb_build_object('number', k, 'dueOn', to_char(due_on, 'YYYY-MM-DD'), 'principalVnd', principal_k, 'interestVnd', interest_k) ORDER BY k)
         FROM (${instalments}) s GROUP BY loan_id, club_id, member_id, principal, disbursed_on`,
    ],
    [
      'loans',
      `INSERT INTO rp_loan_repayment (event_id, loan_id, paid_on, amount_vnd)
       SELECT md5('repayment-' || m || '-' || k)::uuid, loan_id, due_on, principal_k + interest_k FROM (${instalments}) s
        WHERE due_on <= '2025-12-31' AND (m % 97 <> 0 OR k <= 3)`,
    ],
    [
      'loans',
      `INSERT INTO rp_fund_movement (event_id, club_id, kind, on_date, cash_delta_vnd, principal_delta_vnd)
       SELECT md5('fund-disbursed-' || m)::uuid, club_id, 'income', disbursed_on, -principal, principal FROM (${loanSql}) l`,
    ],
    [
      'loans',
      `INSERT INTO rp_fund_movement (event_id, club_id, kind, on_date, cash_delta_vnd, principal_delta_vnd)
       SELECT md5('fund-repayment-' || m || '-' || k)::uuid, club_id, 'income', due_on, principal_k + interest_k, -principal_k FROM (${instalments}) s
        WHERE due_on <= '2025-12-31' AND (m % 97 <> 0 OR k <= 3)`,
    ],
    // The per-member days the projections keep beside the facts (the club tally reads them), as the migration fills them.
    ['member activity', MEMBER_ACTIVITY_FROM_FACTS],
    // The loans' instalments with their running totals (the loan portfolio reads them), as the migration fills them.
    ['loan instalments', LOAN_INSTALMENTS_FROM_LOANS],
    // Each loan's running total paid by day (the loan portfolio's paid(T)), as the migration fills it.
    ['loan paid', LOAN_PAID_FROM_REPAYMENTS],
  ];
  const rows: Record<string, number> = {};
  for (const [what, sql] of statements) {
    const t = Date.now();
    const result = await pool.query(sql);
    rows[what] = (rows[what] ?? 0) + (result.rowCount ?? 0);
    if (Date.now() - t > 5_000) log(`national fill: ${what}, ${result.rowCount} rows in ${Math.round((Date.now() - t) / 1000)} s`);
  }
  await pool.query('ANALYZE');
  return rows;
}
