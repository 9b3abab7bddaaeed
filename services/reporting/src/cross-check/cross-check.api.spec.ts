import request from 'supertest';
import { CLUB_STREAM, clubStreamId } from '@ishc/contracts';
import { formatConsistencyToken } from '@ishc/platform';
import { describeWith } from '@ishc/testing';
import { ReportingTestApp, startReporting } from '../spec-support/reporting-test-app';
import { untilProjected } from '../spec-support/tra-cu-scenario';
import { GeneratedDistrict, generateDistrict, rawEvents } from './generated-district';
import { Figure, indicatorsFromRawEvents } from './raw-event-indicators';

/**
 * ISSUE 6's cross-check: a generated district (Trà Cú on the built-in reference data, across the 1 July 2025
 * reform) is appended as contract events; every indicator the cross-check computes itself from those raw
 * events (raw-event-indicators.ts) must equal what GET /indicators answers — value, numerator, denominator.
 * District 849 and province 84 before the reform, the merged province 86 after it, the country on every date.
 * Activities (meetings with areas, sessions, health checks, home-care visits in 2024–2025) are checked with
 * the default trailing window W and elderly age 60; loans (schedules as the events give them, repayments on
 * time, late or stopped, one written off) with members_with_loan_pct over W (no plan) and the income funds'
 * capital as cash plus outstanding principal.
 */
const BEFORE = ['2020-12-31', '2023-06-15', '2024-12-31', '2025-06-30'];
const AFTER = ['2025-07-01', '2025-12-31', '2026-05-31'];
const DISTRICT: GeneratedDistrict = generateDistrict();
const EVENTS = rawEvents(DISTRICT);
// Dates on which something happens, so the edges of each definition (≤ T, < leftOn, alive on T) are asked.
const dayOf = (type: string, field: string, unless?: string) => {
  const event = EVENTS.find((e) => e.type === type && (e.data as unknown as Record<string, string>)[field] !== unless);
  return (event?.data as unknown as Record<string, string>)[field];
};
const EDGES = [
  // A member leaving a club that goes on (not the one dissolved).
  dayOf('MembershipEnded', 'leftOn', dayOf('ClubDissolved', 'dissolvedOn')),
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
];

const QUESTIONS: Array<[string, string]> = [
  ...BEFORE.flatMap((d): Array<[string, string]> => [['849', d], ['84', d], ['VN', d]]),
  ...AFTER.flatMap((d): Array<[string, string]> => [['86', d], ['VN', d]]),
  ['29461', '2024-12-31'],
  ['V86-TAPSON', '2025-12-31'],
  ...EDGES.map((d): [string, string] => ['VN', d]),
];

describeWith(['postgres'], 'Indicators cross-checked against a computation from the raw events of a generated district', () => {
  let t: ReportingTestApp;
  let admin: string;
  let tokens: string[];
  const district = DISTRICT;
  const events = EVENTS;

  beforeAll(async () => {
    t = await startReporting({ builtInPlans: true });
    admin = await t.token();
    let registry = await t.referenceData();
    for (const unit of district.units.filter((u) => u.code === 'XC-OUTSIDE')) registry = await t.defineUnit(unit);
    let microfinance = '';
    for (const club of district.clubs) {
      const result = await t.registryEvents.append(clubStreamId(club.clubId), CLUB_STREAM, club.events, { expectedVersion: 'no_stream' });
      registry = formatConsistencyToken('registry', result.lastPosition);
    }
    for (const member of district.members) registry = await t.memberEvents(member.memberId, member.events);
    for (const fund of district.funds) microfinance = await t.fundEvents(fund.clubId, fund.kind, fund.events);
    for (const loan of district.loans) {
      const result = await t.microfinanceEvents.append(loan.streamId, loan.streamType, loan.events, { expectedVersion: 'no_stream' });
      microfinance = formatConsistencyToken('microfinance', result.lastPosition);
    }
    let activities = '';
    for (const stream of district.activities) activities = await t.activityEvents(stream.streamId, stream.streamType, stream.events);
    tokens = [registry, microfinance, activities];
    await untilProjected(t, tokens);
  }, 180000);
  afterAll(() => t?.close());

  it('generates a district where the figures are not trivial', () => {
    const before = indicatorsFromRawEvents(events, '849', '2025-06-30');
    const after = indicatorsFromRawEvents(events, '86', '2025-12-31');
    expect(before.clubs_active.value).toBeGreaterThanOrEqual(5);
    expect(before.members_active.value).toBeGreaterThan(100);
    expect(before.communes_with_club_pct.denominator).toBe(17);
    expect(after.communes_with_club_pct.denominator).toBe(7);
    expect(before.income_fund_capital_vnd.value).toBeGreaterThan(0);
    // Some clubs have full activities and some not; some older members are checked, some members visited.
    for (const figures of [indicatorsFromRawEvents(events, '849', '2024-12-31'), after]) {
      expect(figures.clubs_full_activities_pct.numerator).toBeGreaterThan(0);
      expect(figures.clubs_full_activities_pct.numerator).toBeLessThan(figures.clubs_full_activities_pct.denominator as number);
      expect(figures.elderly_health_checked_pct.numerator).toBeGreaterThan(0);
      expect(figures.home_care_beneficiaries.value).toBeGreaterThan(0);
      expect(figures.members_with_loan_pct.numerator).toBeGreaterThan(0);
      expect(figures.par30_pct.numerator).toBeGreaterThan(0);
    }
    // Some outstanding principal at risk, some not.
    expect(after.par30_pct.numerator).toBeLessThan(after.loans_outstanding_vnd.value as number);
    expect(events.some((e) => e.type === 'LoanWrittenOff')).toBe(true);
    expect(events.some((e) => e.type === 'LoanRepaid')).toBe(true);
    // The same seed generates the same district.
    expect(rawEvents(generateDistrict())).toEqual(events);
    expect(EDGES.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  });

  it.each(QUESTIONS)('GET /indicators?orgUnit=%s&asOf=%s agrees with the raw events', async (orgUnit, asOf) => {
    const res = await request(t.app.getHttpServer())
      .get(`/api/reporting/indicators?orgUnit=${orgUnit}&asOf=${asOf}&consistentWith=${tokens.join(',')}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const expected = indicatorsFromRawEvents(events, orgUnit, asOf);
    const answered: Record<string, Figure> = Object.fromEntries(
      (res.body.indicators as Array<Figure & { code: string }>)
        .filter((i) => i.code in expected)
        .map((i) => [i.code, { value: i.value, numerator: i.numerator, denominator: i.denominator }]),
    );
    expect(answered).toEqual(expected);
  });

  it('GET /indicators?plan=TRACU-793-2021&asOf=2025-12-31 agrees with the raw events on the footprint of Trà Cú', async () => {
    const res = await request(t.app.getHttpServer())
      .get(`/api/reporting/indicators?plan=TRACU-793-2021&asOf=2025-12-31&consistentWith=${tokens.join(',')}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const expected = indicatorsFromRawEvents(events, '849', '2025-12-31', { start: '2021-05-07', elderlyAge: 60 });
    // The footprint is the 6 communes succeeding Trà Cú's 17, not all of province 86.
    expect(expected.communes_with_club_pct.denominator).toBe(6);
    const answered: Record<string, Figure> = Object.fromEntries(
      (res.body.indicators as Array<Figure & { code: string }>)
        .filter((i) => i.code in expected)
        .map((i) => [i.code, { value: i.value, numerator: i.numerator, denominator: i.denominator }]),
    );
    expect(answered).toEqual(expected);
  });
});
