import { IsoDate } from '@ishc/contracts';
import { ScopeTally, tallyClubs, tallyOf } from './club-tally';
import { IndicatorValue, count } from './indicator-value';
import { MemberFacts } from './members-on';
import { DEFAULT_PLAN_PARAMETERS, PlanParameters } from './plan-parameters';

export type { MemberFacts, MemberStatistics, MembershipFact } from './members-on';
export { ageOn, isMemberOn, membersOn } from './members-on';

/** ISHC.md §4: older = age ≥ the plan's `elderlyAge`; this is the default, without a plan or when it gives none. */
export const ELDERLY_AGE = DEFAULT_PLAN_PARAMETERS.elderlyAge;

/**
 * `members_active` = Σ over `clubs(U,T)` of |members(k,T)|, and its breakdown by sex (women), older,
 * young, ethnic minority and disadvantaged (any category). Counts, no denominator. A member whose
 * registration has not been projected yet counts in the total only.
 */
export function memberIndicators(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: MemberFacts,
  asOf: IsoDate,
  params: Pick<PlanParameters, 'elderlyAge'> = DEFAULT_PLAN_PARAMETERS,
): IndicatorValue[] {
  return memberIndicatorsOf(clubs, tallyClubs(clubs, { members: facts }, asOf, { ...DEFAULT_PLAN_PARAMETERS, elderlyAge: params.elderlyAge }));
}

/** memberIndicators from the clubs' tallies (club-tally.ts). */
export function memberIndicatorsOf(clubs: ReadonlyArray<{ clubId: string }>, tally: ScopeTally): IndicatorValue[] {
  const sum = (field: 'members' | 'women' | 'older' | 'young' | 'ethnicMinority' | 'disadvantaged') =>
    [...new Set(clubs.map((c) => c.clubId))].reduce((total, clubId) => total + tallyOf(tally, clubId)[field], 0);
  return [
    count('members_active', sum('members')),
    count('members_active_women', sum('women')),
    count('members_active_older', sum('older')),
    count('members_active_young', sum('young')),
    count('members_active_ethnic_minority', sum('ethnicMinority')),
    count('members_active_disadvantaged', sum('disadvantaged')),
  ];
}
