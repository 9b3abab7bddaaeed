import { ACTIVITY_AREAS, ActivityArea, IsoDate, MembershipRole } from '@ishc/contracts';
import { ActivityFacts, meetsMeetingCriterion, trailingWindow } from './activity-indicators';
import { FundFacts } from './fund-indicators';
import { IndicatorValue, percentage } from './indicator-value';
import { MemberFacts, membersOn } from './member-indicators';
import { ClubFacts } from './new-club-indicators';
import { PlanParameters } from './plan-parameters';

/** The role sets of memberships in the clubs of `clubs(U,T)`: each in force from `effectiveOn` until the member's next one in that club. */
export interface RoleFacts {
  roleSets: ReadonlyArray<{ memberId: string; clubId: string; effectiveOn: IsoDate; roles: readonly string[] }>;
}

export type WellManagedParameters = Pick<PlanParameters, 'trailingWindowMonths' | 'wellManaged'>;

/** The roles a member holds in a club on T: the latest role set in force on or before T (none before the first). */
export function rolesOn(facts: RoleFacts, clubId: string, memberId: string, asOf: IsoDate): readonly string[] {
  return rolesOnT(facts, asOf)(clubId, memberId);
}

/** rolesOn for many members at once: one pass over the role sets (a province has tens of thousands). */
function rolesOnT(facts: RoleFacts, asOf: IsoDate): (clubId: string, memberId: string) => readonly string[] {
  const latest = new Map<string, { effectiveOn: IsoDate; roles: readonly string[] }>();
  for (const set of facts.roleSets) {
    if (set.effectiveOn > asOf) continue;
    const key = `${set.clubId}/${set.memberId}`;
    const held = latest.get(key);
    if (held === undefined || set.effectiveOn >= held.effectiveOn) latest.set(key, set);
  }
  return (clubId, memberId) => latest.get(`${clubId}/${memberId}`)?.roles ?? [];
}

/**
 * "Well managed on T" (ISHC.md §6, thresholds from the plan, defaults there): the meeting criterion
 * (meetsMeetingCriterion), both funds opened on or before T (when the plan asks for it), and at least
 * `homeCareVolunteers` members of members(k,T) holding `home_care_volunteer` and `livelihoodVolunteers`
 * holding `livelihood_volunteer` on T.
 */
export function wellManagedClubIds(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: { activities: ActivityFacts; clubs: ClubFacts; funds: FundFacts; members: MemberFacts; roles: RoleFacts },
  asOf: IsoDate,
  params: WellManagedParameters,
): Set<string> {
  const rule = params.wellManaged;
  const establishedOn = new Map(facts.clubs.established.map((c) => [c.clubId, c.establishedOn]));
  const meetingDaysOf = new Map<string, IsoDate[]>();
  for (const m of facts.activities.meetings) meetingDaysOf.set(m.clubId, [...(meetingDaysOf.get(m.clubId) ?? []), m.heldOn]);
  const fundKindsOf = new Map<string, Set<string>>();
  for (const f of facts.funds.fundsOpened) fundKindsOf.set(f.clubId, (fundKindsOf.get(f.clubId) ?? new Set<string>()).add(f.kind));
  const holders = new Map<string, number>();
  const rolesOf = rolesOnT(facts.roles, asOf);
  for (const m of membersOn(clubs, facts.members, asOf)) {
    for (const role of new Set(rolesOf(m.clubId, m.memberId))) holders.set(`${m.clubId}/${role}`, (holders.get(`${m.clubId}/${role}`) ?? 0) + 1);
  }
  const holding = (clubId: string, role: MembershipRole) => holders.get(`${clubId}/${role}`) ?? 0;

  const wellManaged = clubs.filter(
    (c) =>
      // clubs(U,T) holds only clubs established by T; one not (yet) known here is held to the full rule.
      meetsMeetingCriterion(establishedOn.get(c.clubId) ?? '0001-01-01', meetingDaysOf.get(c.clubId) ?? [], asOf, rule) &&
      (!rule.bothFunds || (fundKindsOf.get(c.clubId)?.size ?? 0) === 2) &&
      holding(c.clubId, 'home_care_volunteer') >= rule.homeCareVolunteers &&
      holding(c.clubId, 'livelihood_volunteer') >= rule.livelihoodVolunteers,
  );
  return new Set(wellManaged.map((c) => c.clubId));
}

/** Clubs with ≥ 1 session or tagged meeting in each of the 8 areas within W (clubs_full_activities_pct's rule). */
export function fullActivitiesClubIds(clubs: ReadonlyArray<{ clubId: string }>, activities: ActivityFacts, asOf: IsoDate, params: Pick<PlanParameters, 'trailingWindowMonths'>): Set<string> {
  const w = trailingWindow(asOf, params.trailingWindowMonths);
  const areasOf = new Map<string, Set<ActivityArea>>();
  for (const a of activities.areasCovered) if (w.start <= a.on && a.on <= w.end) areasOf.set(a.clubId, (areasOf.get(a.clubId) ?? new Set<ActivityArea>()).add(a.area));
  return new Set(clubs.filter((c) => ACTIVITY_AREAS.every((area) => areasOf.get(c.clubId)?.has(area))).map((c) => c.clubId));
}

/** `clubs_well_managed_pct` and `clubs_full_activities_well_managed_pct`, exactly as ISHC.md §6 defines them. */
export function wellManagedIndicators(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: { activities: ActivityFacts; clubs: ClubFacts; funds: FundFacts; members: MemberFacts; roles: RoleFacts },
  asOf: IsoDate,
  params: WellManagedParameters,
): IndicatorValue[] {
  const wellManaged = wellManagedClubIds(clubs, facts, asOf, params);
  const full = fullActivitiesClubIds(clubs, facts.activities, asOf, params);
  return [
    percentage('clubs_well_managed_pct', wellManaged.size, clubs.length),
    percentage('clubs_full_activities_well_managed_pct', [...wellManaged].filter((clubId) => full.has(clubId)).length, clubs.length),
  ];
}
