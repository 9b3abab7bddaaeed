import { createTestDatabase, describeWith, TestDatabase } from '@ishc/testing';
import { LOAN_INSTALMENTS_FROM_LOANS } from '../projections/loan-instalment.statements';
import { LOAN_PAID_FROM_REPAYMENTS } from '../projections/loan-paid.statements';
import { MEMBER_ACTIVITY_FROM_FACTS } from '../projections/member-activity.statements';
import { migrateReportingSchema } from '../projections/reporting-schema';
import { readActivityDays } from './activity-days.query';
import { readActivityFacts } from './activity-facts.query';
import { readClubFacts } from './club-facts.query';
import { readClubTallies } from './club-tally.query';
import { fullActivitiesIn, meetingRegularlyIn } from './domain/activity-indicators';
import { tallyClubs } from './domain/club-tally';
import { portfolioOn } from './domain/loan-indicators';
import { DEFAULT_PLAN_PARAMETERS, PlanParameters, planParameters } from './domain/plan-parameters';
import { readLoanFacts } from './loan-facts.query';
import { readLoanPortfolio } from './loan-portfolio.query';
import { readMemberFacts } from './member-facts.query';
import { readRoleFacts } from './role-facts.query';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [A, B, C] = [id(101), id(102), id(103)];
const m = (n: number) => id(n);
const instalments = (first: string, n: number, principal: number, interest: number) =>
  JSON.stringify(
    Array.from({ length: n }, (_, i) => ({ number: i + 1, dueOn: `${first.slice(0, 5)}${String(Number(first.slice(5, 7)) + i).padStart(2, '0')}${first.slice(7)}`, principalVnd: principal, interestVnd: interest })),
  );

// Given the read model of three clubs (C outside the scope) with the cases the counting rules decide:
// a membership listed twice, a member of two clubs, a death, a departure, a member whose registration is
// not projected (no row, or no birth year), role sets replaced, loans from another club's fund, written
// off, without a schedule or with an instalment of 0, and health checks / visits recorded by any club.
const SQL = `
INSERT INTO rp_club (club_id, commune_code, established_on) VALUES ('${A}', 'C1', '2020-01-01'), ('${B}', 'C1', '2025-04-01'), ('${C}', 'C2', '2020-01-01');
INSERT INTO rp_member (member_id, sex, birth_year, ethnic_minority, disadvantaged, died_on) VALUES
  ('${m(1)}', 'F', 1950, true, '{poor}', NULL), ('${m(2)}', 'M', 1990, false, '{}', NULL), ('${m(3)}', 'F', 1960, NULL, NULL, NULL),
  ('${m(4)}', 'F', 1940, false, '{}', '2025-03-01'), ('${m(6)}', 'M', 1965, false, '{}', NULL), ('${m(7)}', 'F', NULL, true, '{poor}', NULL),
  ('${m(8)}', 'F', 1950, false, '{}', NULL);
INSERT INTO rp_membership (member_id, club_id, joined_on, left_on) VALUES
  ('${m(1)}', '${A}', '2021-01-01', NULL), ('${m(2)}', '${A}', '2021-01-01', NULL), ('${m(2)}', '${A}', '2022-01-01', NULL),
  ('${m(3)}', '${A}', '2021-01-01', NULL), ('${m(3)}', '${B}', '2025-04-01', NULL), ('${m(4)}', '${B}', '2025-04-01', NULL),
  ('${m(5)}', '${B}', '2025-04-01', NULL), ('${m(6)}', '${B}', '2025-04-01', '2025-09-01'), ('${m(7)}', '${A}', '2021-01-01', NULL),
  ('${m(8)}', '${C}', '2021-01-01', NULL);
INSERT INTO rp_membership_roles (member_id, club_id, effective_on, roles) VALUES
  ('${m(1)}', '${A}', '2021-01-01', '{home_care_volunteer}'), ('${m(1)}', '${A}', '2025-06-01', '{member}'),
  ('${m(2)}', '${A}', '2021-01-01', '{livelihood_volunteer,home_care_volunteer}'), ('${m(3)}', '${A}', '2021-01-01', '{member}'),
  ('${m(3)}', '${A}', '2025-10-01', '{home_care_volunteer}'), ('${m(3)}', '${B}', '2025-04-01', '{livelihood_volunteer}'),
  ('${m(5)}', '${B}', '2025-04-01', '{home_care_volunteer}'), ('${m(8)}', '${C}', '2021-01-01', '{home_care_volunteer}');
INSERT INTO rp_health_check (health_check_id, club_id, member_id, checked_on) VALUES
  ('${id(201)}', '${C}', '${m(1)}', '2025-02-10'), ('${id(202)}', '${B}', '${m(4)}', '2025-02-20'), ('${id(203)}', '${A}', '${m(3)}', '2024-01-05'),
  ('${id(204)}', '${A}', '${m(8)}', '2025-05-05');
INSERT INTO rp_home_care_visit (visit_id, club_id, volunteer_id, beneficiary_id, visited_on) VALUES
  ('${id(301)}', '${A}', '${m(2)}', '${m(3)}', '2025-05-01'), ('${id(302)}', '${B}', '${m(5)}', '${m(3)}', '2025-11-01'),
  ('${id(303)}', '${B}', '${m(3)}', '${m(5)}', '2025-07-01'), ('${id(304)}', '${C}', '${m(8)}', '${m(8)}', '2025-07-01'),
  ('${id(305)}', '${A}', '${m(2)}', '${m(1)}', '2023-07-01');
INSERT INTO rp_loan (loan_id, club_id, member_id, principal_vnd, disbursed_on, schedule, written_off_on) VALUES
  ('${id(401)}', '${C}', '${m(1)}', 6000000, '2025-02-01', '${instalments('2025-03-01', 6, 1000000, 30000)}', NULL),
  ('${id(402)}', '${B}', '${m(5)}', 3000000, '2024-01-15', '[{"number":1,"dueOn":"2024-02-15","principalVnd":0,"interestVnd":0},{"number":2,"dueOn":"2024-03-15","principalVnd":3000000,"interestVnd":50000}]', NULL),
  ('${id(403)}', '${A}', '${m(2)}', 2000000, '2025-01-10', '${instalments('2025-02-10', 4, 500000, 10000)}', '2025-07-01'),
  ('${id(404)}', '${B}', '${m(4)}', 4000000, '2025-04-05', '${instalments('2025-05-05', 4, 1000000, 20000)}', NULL),
  ('${id(405)}', '${A}', '${m(7)}', 1000000, '2025-08-01', '[]', NULL),
  ('${id(406)}', '${A}', '${m(3)}', 1200000, '2025-01-20', '${instalments('2025-02-20', 3, 400000, 6000)}', NULL);
INSERT INTO rp_loan_repayment (event_id, loan_id, paid_on, amount_vnd) VALUES
  ('${id(501)}', '${id(401)}', '2025-03-01', 1030000), ('${id(502)}', '${id(401)}', '2025-04-01', 1030000), ('${id(503)}', '${id(401)}', '2025-05-20', 500000),
  ('${id(504)}', '${id(404)}', '2025-05-05', 1020000), ('${id(505)}', '${id(404)}', '2025-06-05', 20000), ('${id(506)}', '${id(402)}', '2024-03-15', 3050000),
  ('${id(507)}', '${id(406)}', '2025-02-20', 406000), ('${id(508)}', '${id(406)}', '2025-03-20', 406000), ('${id(509)}', '${id(406)}', '2025-04-20', 406000);
INSERT INTO rp_session (session_id, club_id, area, held_on)
  SELECT md5('s' || i)::uuid, '${A}', (ARRAY['livelihood','health','home_care','self_help','rights','learning','culture','resources'])[1 + i % 8], make_date(2025, 1 + i % 12, 1 + i) FROM generate_series(0, 15) i;
INSERT INTO rp_meeting (meeting_id, club_id, held_on, areas, extra)
  SELECT md5('m' || i)::uuid, '${A}', make_date(2025, 1 + i % 12, 2 + i % 3), ARRAY['health'], i >= 12 FROM generate_series(0, 13) i;
INSERT INTO rp_meeting (meeting_id, club_id, held_on, areas, extra)
  SELECT md5('b' || i)::uuid, '${B}', make_date(2025, 4 + i, 10), ARRAY['rights', 'culture'], false FROM generate_series(0, 7) i;
`;

describeWith(['postgres'], 'what PostgreSQL counts for the indicators (club tallies, loan portfolio, activity days)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('reporting_club_tally');
    await migrateReportingSchema(db.pool);
    await db.pool.query(SQL);
    // The facts went in by SQL, not through the projections: their per-member days and the loans' instalments as the migration fills them.
    await db.pool.query(MEMBER_ACTIVITY_FROM_FACTS);
    await db.pool.query(LOAN_INSTALMENTS_FROM_LOANS);
    await db.pool.query(LOAN_PAID_FROM_REPAYMENTS);
  });
  afterAll(() => db?.drop());

  const plan = planParameters({ period: { start: '2024-01-01', end: '2025-12-31' }, elderlyAge: 65, trailingWindowMonths: 6, wellManaged: { meetingsHeld: 4, ofMonths: 6 } });
  const cases: Array<[string, string, PlanParameters]> = [
    ['2025-01-15', 'defaults', DEFAULT_PLAN_PARAMETERS],
    ['2025-03-01', 'defaults', DEFAULT_PLAN_PARAMETERS],
    ['2025-06-15', 'defaults', DEFAULT_PLAN_PARAMETERS],
    ['2025-06-15', 'a plan', plan],
    ['2025-12-01', 'defaults', DEFAULT_PLAN_PARAMETERS],
    ['2025-12-01', 'a plan', plan],
    ['2026-04-01', 'defaults', DEFAULT_PLAN_PARAMETERS],
  ];

  it.each(cases)('on %s (%s): the counts of PostgreSQL are those of the definitions applied to every fact', async (asOf, _label, params) => {
    const clubs = [
      { clubId: A, communeCode: 'C1' },
      { clubId: B, communeCode: 'C1' },
    ];
    const clubIds = clubs.map((c) => c.clubId);
    const members = await readMemberFacts(db.pool, clubIds, asOf);
    const activities = await readActivityFacts(db.pool, clubIds, members, asOf, params);
    const loans = await readLoanFacts(db.pool, clubIds, members, asOf);
    const roles = await readRoleFacts(db.pool, clubIds, asOf);

    const expected = tallyClubs(clubs, { members, activities, loans, roles }, asOf, params);
    const counted = await readClubTallies(db.pool, clubIds, asOf, params);
    expect(Object.fromEntries(counted.clubs)).toEqual(Object.fromEntries(expected.clubs));
    expect(counted.homeCareBeneficiaries).toBe(expected.homeCareBeneficiaries);

    expect(await readLoanPortfolio(db.pool, clubIds, asOf)).toEqual(portfolioOn(clubs, loans, asOf));

    const days = await readActivityDays(db.pool, clubIds, asOf, params);
    const clubFacts = await readClubFacts(db.pool, clubs);
    expect(fullActivitiesIn(days, asOf, params)).toEqual(fullActivitiesIn(activities, asOf, params));
    const meets = (a: typeof days) => clubIds.map(meetingRegularlyIn({ activities: a, clubs: clubFacts }, asOf, params));
    expect(meets(days)).toEqual(meets(activities));
  });

  it('the cases are not trivial: members, volunteers, borrowers, beneficiaries and a portfolio past due all show up', async () => {
    const tally = await readClubTallies(db.pool, [A, B], '2025-06-15', DEFAULT_PLAN_PARAMETERS);
    // A: m1 (older, checked), m2 (listed twice, once), m3 (65 in 2025: older), m7 (no birth year: total only); m1's volunteer role replaced on 2025-06-01.
    // B: m3, m5 (not projected), m6; m4 died. m3 is visited (a member of both clubs, one beneficiary).
    expect(tally.clubs.get(A)).toMatchObject({ members: 4, women: 2, older: 2, young: 1, ethnicMinority: 1, disadvantaged: 1, olderHealthChecked: 1, homeCareVolunteers: 1, livelihoodVolunteers: 1 });
    expect(tally.clubs.get(B)).toMatchObject({ members: 3, homeCareVolunteers: 1, livelihoodVolunteers: 1 });
    expect(tally.homeCareBeneficiaries).toBe(1);
    const portfolio = await readLoanPortfolio(db.pool, [A, B], '2025-09-01');
    expect(portfolio.par30Vnd).toBeGreaterThan(0);
  });
});
