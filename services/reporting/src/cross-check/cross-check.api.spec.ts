import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { ReportingTestApp, startReporting } from '../spec-support/reporting-test-app';
import { untilProjected } from '../spec-support/tra-cu-scenario';
import { GeneratedDistrict, generateDistrict, rawEvents } from './generated-district';
import { loadDistrict } from './load-district';
import { Figure, indicatorsFromRawEvents } from './raw-event-indicators';
import { RawPlan } from './raw-parameters';

/**
 * ISSUE 6's cross-check: a generated district of realistic size (Trà Cú on the built-in reference data, across
 * the 1 July 2025 reform) is appended as contract events; EVERY indicator GET /indicators answers must equal
 * what the cross-check computes itself from those raw events (raw-event-indicators.ts) — value, numerator,
 * denominator — and the cross-check must compute every code GET /indicator-definitions lists, so a new
 * indicator cannot go unchecked. Units: district 849 and province 84 before the reform, the merged province 86
 * after it, the country on every date (and on the day of one event of each kind). Plans: Trà Cú's (on its
 * footprint after the reform), the national 1336 plan, and a plan of the test's own that sets every parameter
 * ISHC.md calls configurable to something other than its default.
 */
const BEFORE = ['2020-12-31', '2023-06-15', '2024-12-31', '2025-06-30'];
const AFTER = ['2025-07-01', '2025-12-31', '2026-05-31'];
const DISTRICT: GeneratedDistrict = generateDistrict();
const EVENTS = rawEvents(DISTRICT);
// Dates on which something happens, so the edges of each definition (≤ T, < leftOn, alive on T, in force on T) are asked.
const dayOf = (type: string, field: string, unless?: string) => {
  const event = EVENTS.find((e) => e.type === type && (e.data as unknown as Record<string, string>)[field] !== unless);
  return (event?.data as unknown as Record<string, string>)[field];
};
const EDGES = [...new Set([
  // A member leaving a club that goes on (not the one dissolved).
  dayOf('MembershipEnded', 'leftOn', dayOf('ClubDissolved', 'dissolvedOn')),
  dayOf('MembershipRolesChanged', 'effectiveOn'),
  dayOf('MemberDied', 'diedOn'),
  dayOf('ClubDissolved', 'dissolvedOn'),
  dayOf('ClubEstablished', 'establishedOn'),
  dayOf('FundOpened', 'openedOn'),
  dayOf('FundContributionReceived', 'receivedOn'),
  dayOf('ActivitySessionHeld', 'heldOn'),
  dayOf('HealthCheckRecorded', 'checkedOn'),
  dayOf('HomeCareVisitRecorded', 'visitedOn'),
  dayOf('LoanDisbursed', 'disbursedOn'),
  dayOf('LoanWrittenOff', 'writtenOffOn'),
])];

const UNIT_QUESTIONS: Array<[string, string]> = [
  ...BEFORE.flatMap((d): Array<[string, string]> => [['849', d], ['84', d], ['VN', d]]),
  ...AFTER.flatMap((d): Array<[string, string]> => [['86', d], ['VN', d]]),
  ['29461', '2024-12-31'],
  ['V86-TAPSON', '2025-12-31'],
  ...EDGES.map((d): [string, string] => ['VN', d]),
];

// The plans as ISHC.md §2 and issue 6 give them (not read back from reporting).
const TRA_CU: RawPlan = { start: '2021-05-07', end: '2025-12-31', elderlyAge: 60 };
const NATIONAL: RawPlan = { start: '2021-01-01', end: '2025-12-31', elderlyAge: 60 };
// Every configurable parameter away from its default: older from 55, other ranges, W = 6 months, 5 meetings in 6 months, no funds rule, fewer volunteers.
const OWN: RawPlan = {
  start: '2022-01-01',
  end: '2025-09-30',
  elderlyAge: 55,
  settings: {
    composition: { members: { min: 30, max: 60 }, womenPct: { min: 55, max: 75 }, olderPct: { min: 50, max: 80 }, youngPct: { min: 20, max: 50 } },
    trailingWindowMonths: 6,
    wellManaged: { meetingsHeld: 5, ofMonths: 6, bothFunds: false, homeCareVolunteers: 3, livelihoodVolunteers: 2 },
  },
};
const PLANS: Record<string, { unit: string; plan: RawPlan }> = {
  'TRACU-793-2021': { unit: '849', plan: TRA_CU },
  'VN-1336-2020': { unit: 'VN', plan: NATIONAL },
  'XC-OWN': { unit: '849', plan: OWN },
};
// [query, plan, orgUnit ('' = the plan's own unit, on its footprint once it has ended), asOf]
const planQuestion = (plan: string, orgUnit: string, asOf: string): [string, string, string, string] => [
  `plan=${plan}${orgUnit ? `&orgUnit=${orgUnit}` : ''}&asOf=${asOf}`,
  plan,
  orgUnit,
  asOf,
];
const PLAN_QUESTIONS = [
  ...['2022-12-31', '2024-12-31', '2025-06-30', '2025-09-30', '2025-12-31'].map((d) => planQuestion('TRACU-793-2021', '', d)),
  ...['2023-06-15', '2025-06-30', '2025-12-31', '2026-05-31'].map((d) => planQuestion('VN-1336-2020', '', d)),
  ...['2023-12-31', '2025-03-15', '2025-10-31'].map((d) => planQuestion('XC-OWN', '', d)),
  planQuestion('XC-OWN', 'VN', '2026-05-31'),
  planQuestion('TRACU-793-2021', '29473', '2024-06-30'),
];

const figures = (body: { indicators: Array<Figure & { code: string }> }): Record<string, Figure> =>
  Object.fromEntries(body.indicators.map((i) => [i.code, { value: i.value, numerator: i.numerator, denominator: i.denominator }]));

describeWith(['postgres'], 'Indicators cross-checked against a computation from the raw events of a generated district', () => {
  let t: ReportingTestApp;
  let admin: string;
  let tokens: string[];
  const events = EVENTS;
  const get = (path: string) => request(t.app.getHttpServer()).get(`/api/reporting${path}`).set('Authorization', `Bearer ${admin}`);

  beforeAll(async () => {
    t = await startReporting({ builtInPlans: true });
    admin = await t.token();
    tokens = await loadDistrict(t, DISTRICT);
    await untilProjected(t, tokens, 120_000);
    await request(t.app.getHttpServer())
      .put('/api/reporting/plans/XC-OWN')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'Kế hoạch của phép đối chiếu', orgUnitCode: '849', ...OWN, targets: [] })
      .expect((res) => expect([200, 201]).toContain(res.status));
  }, 180_000);
  afterAll(() => t?.close());

  it('generates a district of realistic size where the figures are not trivial', () => {
    const before = indicatorsFromRawEvents(events, '849', '2025-06-30', TRA_CU);
    const after = indicatorsFromRawEvents(events, '86', '2025-12-31');
    expect(before.communes_with_club_pct.numerator).toBeGreaterThanOrEqual(10);
    expect(before.communes_with_club_pct.denominator).toBe(17);
    expect(before.clubs_active.value).toBeGreaterThanOrEqual(30);
    expect(before.members_active.value).toBeGreaterThanOrEqual(1500);
    expect(after.communes_with_club_pct.denominator).toBe(7);
    expect(before.income_fund_capital_vnd.value).toBeGreaterThan(0);
    // Several years of monthly meetings and of loans (some in arrears, some written off).
    const years = (type: string, field: string) => new Set(events.filter((e) => e.type === type).map((e) => (e.data as unknown as Record<string, string>)[field].slice(0, 4)));
    expect(years('MonthlyMeetingHeld', 'heldOn').size).toBeGreaterThanOrEqual(5);
    expect(years('LoanDisbursed', 'disbursedOn').size).toBeGreaterThanOrEqual(5);
    expect(events.filter((e) => e.type === 'LoanWrittenOff').length).toBeGreaterThan(1);
    expect(events.some((e) => e.type === 'LoanRepaid')).toBe(true);
    // Every rate lies strictly between none and all, before and after the reform, with the defaults and with the test's own plan.
    for (const f of [before, indicatorsFromRawEvents(events, '849', '2024-12-31', OWN), after, indicatorsFromRawEvents(events, '849', '2025-12-31', TRA_CU)]) {
      for (const code of ['clubs_full_activities_pct', 'clubs_well_managed_meetings_pct', 'clubs_well_managed_pct', 'elderly_health_checked_pct', 'members_with_loan_pct']) {
        expect([code, f[code].numerator > 0 && f[code].numerator < (f[code].denominator as number)]).toEqual([code, true]);
      }
      expect(f.par30_pct.numerator).toBeGreaterThan(0);
      expect(f.par30_pct.numerator).toBeLessThan(f.loans_outstanding_vnd.value as number);
      expect(f.home_care_beneficiaries.value).toBeGreaterThan(0);
    }
    for (const f of [before, indicatorsFromRawEvents(events, '849', '2025-12-31', TRA_CU), indicatorsFromRawEvents(events, 'VN', '2025-12-31', NATIONAL)]) {
      expect(f.clubs_new.value).toBeGreaterThan(0);
      expect(f.clubs_new.value).toBeLessThan(f.clubs_active.value as number);
      expect(f.clubs_new_priority_area.value).toBeGreaterThan(0);
      expect(f.clubs_new_priority_area.value).toBeLessThan(f.clubs_new.value as number);
      expect(f.elderly_members_new_clubs.value).toBeGreaterThan(0);
    }
    // The same seed generates the same district.
    expect(rawEvents(generateDistrict())).toEqual(events);
    expect(EDGES.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  });

  it('computes from the raw events every indicator GET /indicator-definitions lists, and no other', async () => {
    const res = await get('/indicator-definitions').expect(200);
    const defined = (res.body as Array<{ code: string }>).map((d) => d.code).sort();
    expect(Object.keys(indicatorsFromRawEvents(events, '849', '2025-06-30', TRA_CU)).sort()).toEqual(defined);
  });

  it.each(UNIT_QUESTIONS)('GET /indicators?orgUnit=%s&asOf=%s agrees with the raw events', async (orgUnit, asOf) => {
    const res = await get(`/indicators?orgUnit=${orgUnit}&asOf=${asOf}&consistentWith=${tokens.join(',')}`).expect(200);
    expect(figures(res.body)).toEqual(indicatorsFromRawEvents(events, orgUnit, asOf));
  });

  it.each(PLAN_QUESTIONS)('GET /indicators?%s agrees with the raw events', async (query, plan, orgUnit, asOf) => {
    const res = await get(`/indicators?${query}&consistentWith=${tokens.join(',')}`).expect(200);
    expect(figures(res.body)).toEqual(indicatorsFromRawEvents(events, orgUnit || PLANS[plan].unit, asOf, PLANS[plan].plan));
  });

  it('GET /indicators?plan=TRACU-793-2021&asOf=2025-12-31 covers the footprint of Trà Cú (its 6 communes), not all of province 86', async () => {
    const res = await get(`/indicators?plan=TRACU-793-2021&asOf=2025-12-31&consistentWith=${tokens.join(',')}`).expect(200);
    expect(res.body.scope).toHaveLength(6);
    expect(indicatorsFromRawEvents(events, '849', '2025-12-31', TRA_CU).communes_with_club_pct.denominator).toBe(6);
  });
});
