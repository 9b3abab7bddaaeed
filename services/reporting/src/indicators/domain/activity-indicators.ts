import { ACTIVITY_AREAS, ActivityArea, IsoDate } from '@ishc/contracts';
import { IndicatorValue, count, percentage } from './indicator-value';
import { MemberFacts, ageOn, membersOn } from './member-indicators';
import { ClubFacts } from './new-club-indicators';
import { PlanParameters } from './plan-parameters';

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
 * ISHC.md §6, "the trailing window W = the 12 months ending on T": the days after the same date `months`
 * months before T, through T (`[T − months + 1 day, T]`; T = 2025-12-31 gives 2025-01-01 … 2025-12-31).
 * A day missing from the earlier month (29–31) is its last day: T = 2024-02-29 gives 2023-03-01.
 */
export function trailingWindow(asOf: IsoDate, months: number): { start: IsoDate; end: IsoDate } {
  const [y, m, d] = asOf.split('-').map(Number);
  const monthIndex = y * 12 + (m - 1) - months;
  const [year, month] = [Math.floor(monthIndex / 12), (monthIndex % 12) + 1];
  const day = Math.min(d, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const start = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return { start, end: asOf };
}

/** The `count` calendar months ending with T's month, latest first (`YYYY-MM`). */
export function monthsEndingWith(asOf: IsoDate, count: number): string[] {
  const [y, m] = asOf.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

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
  const w = trailingWindow(asOf, params.trailingWindowMonths);
  const inW = (day: IsoDate) => w.start <= day && day <= w.end;

  const areasOf = new Map<string, Set<ActivityArea>>();
  for (const a of facts.activities.areasCovered) if (inW(a.on)) areasOf.set(a.clubId, (areasOf.get(a.clubId) ?? new Set<ActivityArea>()).add(a.area));
  const fullActivities = clubs.filter((c) => ACTIVITY_AREAS.every((area) => areasOf.get(c.clubId)?.has(area))).length;

  const establishedOn = new Map(facts.clubs.established.map((c) => [c.clubId, c.establishedOn]));
  const meetingDaysOf = new Map<string, IsoDate[]>();
  for (const m of facts.activities.meetings) meetingDaysOf.set(m.clubId, [...(meetingDaysOf.get(m.clubId) ?? []), m.heldOn]);
  const meetingRegularly = clubs.filter((c) =>
    // clubs(U,T) holds only clubs established by T; one not (yet) known here is held to the full rule.
    meetsMeetingCriterion(establishedOn.get(c.clubId) ?? '0001-01-01', meetingDaysOf.get(c.clubId) ?? [], asOf, params.wellManaged),
  ).length;

  const members = membersOn(clubs, facts.members, asOf);
  const checked = new Set(facts.activities.healthChecks.filter((h) => inW(h.checkedOn)).map((h) => h.memberId));
  const older = members.filter((m) => m.member !== null && ageOn(m.member.birthYear, asOf) >= params.elderlyAge);
  const visited = new Set(facts.activities.homeCareVisits.filter((v) => inW(v.visitedOn)).map((v) => v.beneficiaryId));
  const beneficiaries = new Set(members.filter((m) => visited.has(m.memberId)).map((m) => m.memberId));

  return [
    percentage('clubs_full_activities_pct', fullActivities, clubs.length),
    percentage('clubs_well_managed_meetings_pct', meetingRegularly, clubs.length),
    percentage('elderly_health_checked_pct', older.filter((m) => checked.has(m.memberId)).length, older.length),
    count('home_care_beneficiaries', beneficiaries.size),
  ];
}
