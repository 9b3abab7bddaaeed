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
    t = await startReporting();
    admin = await t.token();
    let registry = await t.referenceData();
    let microfinance = '';
    for (const club of district.clubs) {
      const result = await t.registryEvents.append(clubStreamId(club.clubId), CLUB_STREAM, club.events, { expectedVersion: 'no_stream' });
      registry = formatConsistencyToken('registry', result.lastPosition);
    }
    for (const member of district.members) registry = await t.memberEvents(member.memberId, member.events);
    for (const fund of district.funds) microfinance = await t.fundEvents(fund.clubId, fund.kind, fund.events);
    tokens = [registry, microfinance];
    await untilProjected(t, tokens);
  }, 180000);
  afterAll(() => t?.close());

  it('generates a district where the figures are not trivial', () => {
    const before = indicatorsFromRawEvents(events, '849', '2025-06-30');
    const after = indicatorsFromRawEvents(events, '86', '2025-12-31');
    expect(before.clubs_active.value).toBeGreaterThanOrEqual(5);
    expect(before.members_active.value).toBeGreaterThan(100);
    expect(before.communes_with_club_pct.denominator).toBe(17);
    expect(after.communes_with_club_pct.denominator).toBe(6);
    expect(before.income_fund_capital_vnd.value).toBeGreaterThan(0);
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
});
