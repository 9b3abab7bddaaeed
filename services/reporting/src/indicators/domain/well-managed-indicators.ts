import { IsoDate } from '@ishc/contracts';
import { ActivityFacts, fullActivitiesIn, meetingRegularlyIn } from './activity-indicators';
import { ScopeTally, tallyClubs, tallyOf } from './club-tally';
import { FundFacts } from './fund-indicators';
import { IndicatorValue, percentage } from './indicator-value';
import { MemberFacts } from './members-on';
import { ClubFacts } from './new-club-indicators';
import { DEFAULT_PLAN_PARAMETERS, PlanParameters } from './plan-parameters';
import { RoleFacts } from './roles-on';

export type { RoleFacts } from './roles-on';
export { rolesOn } from './roles-on';

export type WellManagedParameters = Pick<PlanParameters, 'trailingWindowMonths' | 'wellManaged'>;

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
  const tally = tallyClubs(clubs, { members: facts.members, roles: facts.roles }, asOf, { ...DEFAULT_PLAN_PARAMETERS, ...params });
  return wellManagedClubIdsOf(clubs, { ...facts, tally }, asOf, params);
}

/** wellManagedClubIds with the volunteers counted in the clubs' tallies (club-tally.ts). */
export function wellManagedClubIdsOf(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: { activities: Pick<ActivityFacts, 'meetings'>; clubs: ClubFacts; funds: FundFacts; tally: ScopeTally },
  asOf: IsoDate,
  params: Pick<PlanParameters, 'wellManaged'>,
): Set<string> {
  const rule = params.wellManaged;
  const meets = meetingRegularlyIn(facts, asOf, params);
  const fundKindsOf = new Map<string, Set<string>>();
  for (const f of facts.funds.fundsOpened) fundKindsOf.set(f.clubId, (fundKindsOf.get(f.clubId) ?? new Set<string>()).add(f.kind));
  const wellManaged = clubs.filter(
    (c) =>
      meets(c.clubId) &&
      (!rule.bothFunds || (fundKindsOf.get(c.clubId)?.size ?? 0) === 2) &&
      tallyOf(facts.tally, c.clubId).homeCareVolunteers >= rule.homeCareVolunteers &&
      tallyOf(facts.tally, c.clubId).livelihoodVolunteers >= rule.livelihoodVolunteers,
  );
  return new Set(wellManaged.map((c) => c.clubId));
}

/** Clubs with ≥ 1 session or tagged meeting in each of the 8 areas within W (clubs_full_activities_pct's rule). */
export function fullActivitiesClubIds(clubs: ReadonlyArray<{ clubId: string }>, activities: ActivityFacts, asOf: IsoDate, params: Pick<PlanParameters, 'trailingWindowMonths'>): Set<string> {
  const full = fullActivitiesIn(activities, asOf, params);
  return new Set(clubs.filter((c) => full.has(c.clubId)).map((c) => c.clubId));
}

/** `clubs_well_managed_pct` and `clubs_full_activities_well_managed_pct`, exactly as ISHC.md §6 defines them. */
export function wellManagedIndicators(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: { activities: ActivityFacts; clubs: ClubFacts; funds: FundFacts; members: MemberFacts; roles: RoleFacts },
  asOf: IsoDate,
  params: WellManagedParameters,
): IndicatorValue[] {
  const tally = tallyClubs(clubs, { members: facts.members, roles: facts.roles }, asOf, { ...DEFAULT_PLAN_PARAMETERS, ...params });
  return wellManagedIndicatorsOf(clubs, { ...facts, tally }, asOf, params);
}

/** wellManagedIndicators from the clubs' tallies (club-tally.ts). */
export function wellManagedIndicatorsOf(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: { activities: Pick<ActivityFacts, 'areasCovered' | 'meetings'>; clubs: ClubFacts; funds: FundFacts; tally: ScopeTally },
  asOf: IsoDate,
  params: WellManagedParameters,
): IndicatorValue[] {
  const wellManaged = wellManagedClubIdsOf(clubs, facts, asOf, params);
  const full = fullActivitiesIn(facts.activities, asOf, params);
  return [
    percentage('clubs_well_managed_pct', wellManaged.size, clubs.length),
    percentage('clubs_full_activities_well_managed_pct', [...wellManaged].filter((clubId) => full.has(clubId)).length, clubs.length),
  ];
}
