import { ACTIVITY_AREAS, ActivityArea } from '@ishc/contracts';
import { ActivityFacts, activityIndicators, meetsMeetingCriterion, monthsEndingWith, trailingWindow } from './activity-indicators';
import { MembershipFact } from './member-indicators';
import { DEFAULT_PLAN_PARAMETERS, planParameters } from './plan-parameters';

const T = '2025-12-31';
const noActivities: ActivityFacts = { areasCovered: [], meetings: [], healthChecks: [], homeCareVisits: [] };
const clubFacts = (established: Record<string, string>) => ({ established: Object.entries(established).map(([clubId, establishedOn]) => ({ clubId, establishedOn })), priorityCommunes: [] });
const membership = (clubId: string, memberId: string, birthYear: number | null, joinedOn = '2020-01-01'): MembershipFact => ({
  clubId,
  memberId,
  joinedOn,
  leftOn: null,
  diedOn: null,
  member: birthYear === null ? null : { sex: 'F', birthYear, ethnicMinority: false, disadvantaged: [] },
});
const byCode = (values: ReturnType<typeof activityIndicators>) => Object.fromEntries(values.map((v) => [v.code, v]));
const allAreas = (clubId: string, on: string, except: ActivityArea[] = []) => ACTIVITY_AREAS.filter((a) => !except.includes(a)).map((area) => ({ clubId, area, on }));
const compute = (clubIds: string[], activities: Partial<ActivityFacts>, memberships: MembershipFact[] = [], established: Record<string, string> = {}, asOf = T, params = DEFAULT_PLAN_PARAMETERS) =>
  byCode(activityIndicators(clubIds.map((clubId) => ({ clubId })), { activities: { ...noActivities, ...activities }, clubs: clubFacts(established), members: { memberships } }, asOf, params));

describe('the trailing window W and the calendar months of the meeting criterion', () => {
  it('W is the 12 months ending on T: from the day after the same date a year before, through T', () => {
    expect(trailingWindow('2025-12-31', 12)).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(trailingWindow('2025-06-15', 12)).toEqual({ start: '2024-06-16', end: '2025-06-15' });
    expect(trailingWindow('2024-02-29', 12)).toEqual({ start: '2023-03-01', end: '2024-02-29' });
    expect(trailingWindow('2025-03-31', 1)).toEqual({ start: '2025-03-01', end: '2025-03-31' });
    expect(trailingWindow('2025-01-15', 3)).toEqual({ start: '2024-10-16', end: '2025-01-15' });
  });

  it('the months ending with T’s month cross the year', () => {
    expect(monthsEndingWith('2025-02-10', 4)).toEqual(['2025-02', '2025-01', '2024-12', '2024-11']);
  });
});

describe('clubs_full_activities_pct', () => {
  it('given one club with all 8 areas within W and one missing an area, then 50%', () => {
    const r = compute(['a', 'b'], { areasCovered: [...allAreas('a', '2025-05-01'), ...allAreas('b', '2025-05-01', ['resources'])] });
    expect(r.clubs_full_activities_pct).toEqual({ code: 'clubs_full_activities_pct', value: 50, numerator: 1, denominator: 2 });
  });

  it('given an area covered only on the day before W or after T, then the club is not full; on W’s first day and on T it is', () => {
    const outside = [...allAreas('a', '2025-03-01', ['rights']), { clubId: 'a', area: 'rights' as const, on: '2024-12-31' }, { clubId: 'a', area: 'rights' as const, on: '2026-01-01' }];
    expect(compute(['a'], { areasCovered: outside }).clubs_full_activities_pct.numerator).toBe(0);
    const edges = [...allAreas('a', '2025-03-01', ['rights', 'culture']), { clubId: 'a', area: 'rights' as const, on: '2025-01-01' }, { clubId: 'a', area: 'culture' as const, on: T }];
    expect(compute(['a'], { areasCovered: edges }).clubs_full_activities_pct.numerator).toBe(1);
  });

  it('given areas of a club outside clubs(U,T), then they count for nobody; given no clubs, then null', () => {
    expect(compute(['a'], { areasCovered: allAreas('z', '2025-05-01') }).clubs_full_activities_pct).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    expect(compute([], { areasCovered: allAreas('z', '2025-05-01') }).clubs_full_activities_pct).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  it('uses the plan’s window: a 6-month W leaves out an area covered 7 months before T', () => {
    const facts = { areasCovered: [...allAreas('a', '2025-10-01', ['health']), { clubId: 'a', area: 'health' as const, on: '2025-05-31' }] };
    expect(compute(['a'], facts).clubs_full_activities_pct.numerator).toBe(1);
    expect(compute(['a'], facts, [], {}, T, planParameters({ trailingWindowMonths: 6 })).clubs_full_activities_pct.numerator).toBe(0);
  });
});

describe('the meeting criterion of well managed (clubs_well_managed_meetings_pct)', () => {
  const rule = DEFAULT_PLAN_PARAMETERS.wellManaged;
  const monthly = (months: string[]) => months.map((m) => `${m}-10`);

  it('given meetings in 10 of the 12 months ending with T’s month, then met; in 9, not', () => {
    const ten = monthly(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10']);
    expect(meetsMeetingCriterion('2020-01-01', ten, T, rule)).toBe(true);
    expect(meetsMeetingCriterion('2020-01-01', ten.slice(1), T, rule)).toBe(false);
  });

  it('given several meetings in one month (extra ones), then the month counts once', () => {
    const nine = monthly(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09']);
    expect(meetsMeetingCriterion('2020-01-01', [...nine, '2025-09-20', '2025-09-25'], T, rule)).toBe(false);
  });

  it('given meetings before the 12 months or after T, then they do not count', () => {
    const months = monthly(['2024-12', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10']);
    expect(meetsMeetingCriterion('2020-01-01', months, T, rule)).toBe(false);
    expect(meetsMeetingCriterion('2020-01-01', [...months.slice(1), '2025-12-20'], '2025-12-15', rule)).toBe(false);
    expect(meetsMeetingCriterion('2020-01-01', [...months.slice(1), '2025-12-15'], '2025-12-15', rule)).toBe(true);
  });

  it('given a club established within the 12 months, then ⌈10/12 × m⌉ of its m months (month of establishment through T’s month)', () => {
    // Established in July: m = 6 months (Jul–Dec), needs ⌈5⌉ = 5.
    expect(meetsMeetingCriterion('2025-07-20', monthly(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11']), T, rule)).toBe(true);
    expect(meetsMeetingCriterion('2025-07-20', monthly(['2025-08', '2025-09', '2025-10', '2025-11']), T, rule)).toBe(false);
    // Established in December: m = 1, needs ⌈0.83⌉ = 1.
    expect(meetsMeetingCriterion('2025-12-01', [], T, rule)).toBe(false);
    expect(meetsMeetingCriterion('2025-12-01', ['2025-12-02'], T, rule)).toBe(true);
    // Established in March: m = 10, needs ⌈8.33⌉ = 9.
    const eight = monthly(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10']);
    expect(meetsMeetingCriterion('2025-03-05', eight, T, rule)).toBe(false);
    expect(meetsMeetingCriterion('2025-03-05', [...eight, '2025-11-01'], T, rule)).toBe(true);
  });

  it('reports the share of clubs(U,T) meeting it, with the plan’s thresholds', () => {
    const twelve = monthly(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12']);
    const meetings = [...twelve.map((heldOn) => ({ clubId: 'a', heldOn })), ...twelve.slice(0, 11).map((heldOn) => ({ clubId: 'b', heldOn })), { clubId: 'c', heldOn: '2025-05-05' }];
    const established = { a: '2019-01-01', b: '2019-01-01', c: '2019-01-01' };
    expect(compute(['a', 'b', 'c'], { meetings }, [], established).clubs_well_managed_meetings_pct).toEqual({
      code: 'clubs_well_managed_meetings_pct',
      value: 66.67,
      numerator: 2,
      denominator: 3,
    });
    const strict = planParameters({ wellManaged: { meetingsHeld: 12, ofMonths: 12 } });
    expect(compute(['a', 'b', 'c'], { meetings }, [], established, T, strict).clubs_well_managed_meetings_pct.numerator).toBe(1);
  });
});

describe('elderly_health_checked_pct and home_care_beneficiaries', () => {
  const memberships = [membership('a', 'old1', 1950), membership('a', 'old2', 1965), membership('b', 'old3', 1940), membership('a', 'young', 1990), membership('a', 'unknown', null)];

  it('given older members of whom one was checked within W and one before it, then 1 of 3 older members', () => {
    const healthChecks = [
      { memberId: 'old1', checkedOn: '2025-06-01' },
      { memberId: 'old2', checkedOn: '2024-12-31' },
      { memberId: 'young', checkedOn: '2025-06-01' },
      { memberId: 'stranger', checkedOn: '2025-06-01' },
    ];
    expect(compute(['a', 'b'], { healthChecks }, memberships).elderly_health_checked_pct).toEqual({ code: 'elderly_health_checked_pct', value: 33.33, numerator: 1, denominator: 3 });
  });

  it('counts older by the plan’s elderlyAge on T (year(T) − birth year)', () => {
    const healthChecks = [{ memberId: 'old2', checkedOn: '2025-06-01' }];
    // Born 1965: 60 in 2025, older by default; not with elderlyAge 65.
    expect(compute(['a', 'b'], { healthChecks }, memberships).elderly_health_checked_pct).toMatchObject({ numerator: 1, denominator: 3 });
    expect(compute(['a', 'b'], { healthChecks }, memberships, {}, T, planParameters({ elderlyAge: 65 })).elderly_health_checked_pct).toMatchObject({ numerator: 0, denominator: 2 });
  });

  it('given no older members, then null', () => {
    expect(compute(['a'], {}, [membership('a', 'young', 1990)]).elderly_health_checked_pct).toMatchObject({ value: null, denominator: 0 });
  });

  it('home_care_beneficiaries: members on T of clubs(U,T) visited within W, each once', () => {
    const homeCareVisits = [
      { beneficiaryId: 'old1', visitedOn: '2025-02-01' },
      { beneficiaryId: 'old1', visitedOn: '2025-03-01' },
      { beneficiaryId: 'old3', visitedOn: '2025-12-31' },
      { beneficiaryId: 'old2', visitedOn: '2024-12-31' },
      { beneficiaryId: 'stranger', visitedOn: '2025-06-01' },
    ];
    expect(compute(['a', 'b'], { homeCareVisits }, memberships).home_care_beneficiaries).toEqual({ code: 'home_care_beneficiaries', value: 2, numerator: 2, denominator: null });
    expect(compute(['a'], { homeCareVisits }, memberships).home_care_beneficiaries.value).toBe(1);
  });
});
