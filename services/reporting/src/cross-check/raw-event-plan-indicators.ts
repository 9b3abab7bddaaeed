import { MemberRegisteredV1, OrgUnitAttributes } from '@ishc/contracts';
import { Figure, count, pct } from './raw-figures';
import { RawParameters } from './raw-parameters';

/** What raw-event-indicators.ts has already worked out from the events for one unit (or footprint) and date. */
export interface RawScope {
  asOf: string;
  params: RawParameters;
  /** clubs(U,T), and each one's commune on T. */
  clubs: string[];
  clubCommune: Map<string, string>;
  establishedOn(clubId: string): string;
  unitAttributes(code: string): OrgUnitAttributes;
  /** members(k,T), each with the role sets of that membership (the join's, then each change) in event order. */
  members(clubId: string): Array<{ person: MemberRegisteredV1; roleSets: ReadonlyArray<{ on: string; roles: readonly string[] }> }>;
  isOlder(person: MemberRegisteredV1): boolean;
  /** Every monthly meeting of the club (extra ones too), any date. */
  meetingDays(clubId: string): string[];
  bothFunds(clubId: string): boolean;
  fullActivities(clubId: string): boolean;
}

/** `YYYY-MM` of the month `back` calendar months before the date's month. */
const monthBefore = (date: string, back: number) => {
  const k = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - back;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
};

/**
 * ISHC.md §6 "well managed on T" with the plan's thresholds: monthly meetings in ≥ meetingsHeld of the
 * ofMonths calendar months ending with T's month (a club established within them: ⌈meetingsHeld/ofMonths × m⌉
 * of its m months, from its month of establishment through T's), both funds opened on or before T, and
 * enough members of members(k,T) holding each volunteer role on T. Also the meeting rule alone
 * (`clubs_well_managed_meetings_pct`, which reporting answers besides ISHC.md's codes).
 */
export function wellManagedFigures(scope: RawScope): Record<string, Figure> {
  const rule = scope.params.wellManaged;
  const meetsRegularly = (clubId: string) => {
    const months = Array.from({ length: rule.ofMonths }, (_, i) => monthBefore(scope.asOf, i)).filter((month) => month >= scope.establishedOn(clubId).slice(0, 7));
    const held = new Set(scope.meetingDays(clubId).filter((day) => day <= scope.asOf).map((day) => day.slice(0, 7)));
    // ⌈meetingsHeld × m / ofMonths⌉ as the least whole number of months that is at least that share.
    let required = 0;
    while (required * rule.ofMonths < rule.meetingsHeld * months.length) required++;
    return months.filter((month) => held.has(month)).length >= required;
  };
  const holding = (clubId: string, role: string) =>
    scope.members(clubId).filter(({ roleSets }) => {
      const inForce = roleSets.filter((set) => set.on <= scope.asOf);
      // The latest set in force (on the same day, the later event).
      const latest = inForce.reduce((a, b) => (b.on >= a.on ? b : a), inForce[0]);
      return latest?.roles.includes(role) ?? false;
    }).length;
  const clubs = scope.clubs.map((clubId) => {
    const meetings = meetsRegularly(clubId);
    const managed =
      meetings &&
      (!rule.bothFunds || scope.bothFunds(clubId)) &&
      holding(clubId, 'home_care_volunteer') >= rule.homeCareVolunteers &&
      holding(clubId, 'livelihood_volunteer') >= rule.livelihoodVolunteers;
    return { meetings, managed, full: managed && scope.fullActivities(clubId) };
  });
  const n = scope.clubs.length;
  return {
    clubs_well_managed_meetings_pct: pct(clubs.filter((c) => c.meetings).length, n),
    clubs_well_managed_pct: pct(clubs.filter((c) => c.managed).length, n),
    clubs_full_activities_well_managed_pct: pct(clubs.filter((c) => c.full).length, n),
  };
}

/**
 * The plan-period indicators of ISHC.md §6 (only with a plan): clubs of clubs(U,T) established within the
 * plan's period, their members on T, the older ones among them, and the new clubs whose commune on T is
 * flagged ethnic-minority area or especially difficult.
 */
export function newClubFigures(scope: RawScope): Record<string, Figure> {
  const period = scope.params.period;
  if (period === null) return {};
  const fresh = scope.clubs.filter((k) => period.start <= scope.establishedOn(k) && scope.establishedOn(k) <= period.end);
  const people = fresh.flatMap((k) => scope.members(k).map((m) => m.person));
  const priority = fresh.filter((k) => {
    const attributes = scope.unitAttributes(scope.clubCommune.get(k) as string);
    return attributes.ethnicMinorityArea === true || attributes.especiallyDifficult === true;
  });
  return {
    clubs_new: count(fresh.length),
    members_new_clubs: count(people.length),
    elderly_members_new_clubs: count(people.filter(scope.isOlder).length),
    clubs_new_priority_area: count(priority.length),
  };
}
