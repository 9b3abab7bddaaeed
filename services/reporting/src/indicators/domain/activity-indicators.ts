import { ACTIVITY_AREAS, ActivityArea, IsoDate } from '@ishc/contracts';
import { IndicatorValue, count, percentage } from './indicator-value';
import { ScopeTally, tallyClubs, tallyOf } from './club-tally';
import { MemberFacts } from './members-on';
import { ClubFacts } from './new-club-indicators';
import { PlanParameters } from './plan-parameters';
import { monthsEndingWith, trailingWindow } from './windows';

export { monthsEndingWith, trailingWindow } from './windows';

/** The activity facts of ISHC.md §6 for the clubs of `clubs(U,T)` and their members (any dates up to T; the rules are applied here). */
export interface ActivityFacts {
  /** Each area a session was held in, and each area a meeting was tagged with, with the day. */
  areasCovered: ReadonlyArray<{ clubId: string; area: ActivityArea; on: IsoDate }>;
  /** The clubs' monthly meetings, extra ones included (a month counts once however many it had). */
  meetings: ReadonlyArray<{ clubId: string; heldOn: IsoDate }>;
  /** Health checks of the members (whichever club recorded them: the check is the person's). */
  healthChecks: ReadonlyArray<{ memberId: string; checkedOn: IsoDate }>;
  /** Home-care visits received by the members. */
  homeCareVisits: ReadonlyArray<{ beneficiaryId: string; visitedOn: IsoDate }>;
}

export type ActivityParameters = Pick<PlanParameters, 'elderlyAge' | 'trailingWindowMonths' | 'wellManaged'>;

/**
 * The meeting criterion of "well managed on T" (ISHC.md §6, configurable per plan): the club held its
 * monthly meeting in at least `meetingsHeld` of the `ofMonths` calendar months ending with T's month
 * (meetings up to T); a club established within those months needs ⌈meetingsHeld/ofMonths × m⌉ of its m
 * months, counting the month of establishment through T's month.
 */
export function meetsMeetingCriterion(
  establishedOn: IsoDate,
  meetingDays: readonly IsoDate[],
  asOf: IsoDate,
  rule: Pick<PlanParameters['wellManaged'], 'meetingsHeld' | 'ofMonths'>,
): boolean {
  const ownMonths = monthsEndingWith(asOf, rule.ofMonths).filter((month) => month >= establishedOn.slice(0, 7));
  const m = ownMonths.length;
  // ⌈held × m / of⌉ in whole numbers (no floating point at the boundary).
  const required = Math.floor((rule.meetingsHeld * m + rule.ofMonths - 1) / rule.ofMonths);
  const held = new Set(meetingDays.filter((day) => day <= asOf).map((day) => day.slice(0, 7)));
  return ownMonths.filter((month) => held.has(month)).length >= required;
}

/**
 * `clubs_full_activities_pct`, the meeting criterion of `clubs_well_managed_pct` as its own indicator
 * (`clubs_well_managed_meetings_pct`: the full criterion also needs both funds and volunteers' roles),
 * `elderly_health_checked_pct` and `home_care_beneficiaries`, exactly as ISHC.md §6 defines them.
 */
export function activityIndicators(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: { activities: ActivityFacts; clubs: ClubFacts; members: MemberFacts },
  asOf: IsoDate,
  params: ActivityParameters,
): IndicatorValue[] {
  const tally = tallyClubs(clubs, { members: facts.members, activities: facts.activities }, asOf, { ...params, period: null });
  return activityIndicatorsOf(clubs, { activities: facts.activities, clubs: facts.clubs, tally }, asOf, params);
}

/**
 * activityIndicators from the clubs' tallies (club-tally.ts) for what is about members (health checks,
 * home care); the sessions and meetings (a few per club and month) are still judged here.
 */
export function activityIndicatorsOf(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: { activities: Pick<ActivityFacts, 'areasCovered' | 'meetings'>; clubs: ClubFacts; tally: ScopeTally },
  asOf: IsoDate,
  params: Omit<ActivityParameters, 'elderlyAge'>,
): IndicatorValue[] {
  const full = fullActivitiesIn(facts.activities, asOf, params);
  const meets = meetingRegularlyIn(facts, asOf, params);
  const fullActivities = clubs.filter((c) => full.has(c.clubId)).length;
  const meetingRegularly = clubs.filter((c) => meets(c.clubId)).length;
  const clubIds = [...new Set(clubs.map((c) => c.clubId))];
  const older = clubIds.reduce((total, clubId) => total + tallyOf(facts.tally, clubId).older, 0);
  const checked = clubIds.reduce((total, clubId) => total + tallyOf(facts.tally, clubId).olderHealthChecked, 0);
  return [
    percentage('clubs_full_activities_pct', fullActivities, clubs.length),
    percentage('clubs_well_managed_meetings_pct', meetingRegularly, clubs.length),
    percentage('elderly_health_checked_pct', checked, older),
    count('home_care_beneficiaries', facts.tally.homeCareBeneficiaries),
  ];
}

/** The clubs with ≥ 1 session or tagged meeting in each of the 8 areas within W. */
export function fullActivitiesIn(activities: Pick<ActivityFacts, 'areasCovered'>, asOf: IsoDate, params: Pick<PlanParameters, 'trailingWindowMonths'>): Set<string> {
  const w = trailingWindow(asOf, params.trailingWindowMonths);
  const areasOf = new Map<string, Set<ActivityArea>>();
  for (const a of activities.areasCovered) if (w.start <= a.on && a.on <= w.end) areasOf.set(a.clubId, (areasOf.get(a.clubId) ?? new Set<ActivityArea>()).add(a.area));
  return new Set([...areasOf].filter(([, areas]) => ACTIVITY_AREAS.every((area) => areas.has(area))).map(([clubId]) => clubId));
}

/** Whether a club meets the meeting criterion on T (meetsMeetingCriterion), its meetings indexed once. */
export function meetingRegularlyIn(
  facts: { activities: Pick<ActivityFacts, 'meetings'>; clubs: ClubFacts },
  asOf: IsoDate,
  params: Pick<PlanParameters, 'wellManaged'>,
): (clubId: string) => boolean {
  const establishedOn = new Map(facts.clubs.established.map((c) => [c.clubId, c.establishedOn]));
  const meetingDaysOf = new Map<string, IsoDate[]>();
  for (const m of facts.activities.meetings) {
    const days = meetingDaysOf.get(m.clubId);
    if (days) days.push(m.heldOn);
    else meetingDaysOf.set(m.clubId, [m.heldOn]);
  }
  // clubs(U,T) holds only clubs established by T; one not (yet) known here is held to the full rule.
  return (clubId) => meetsMeetingCriterion(establishedOn.get(clubId) ?? '0001-01-01', meetingDaysOf.get(clubId) ?? [], asOf, params.wellManaged);
}
