import { IsoDate, Sex } from '@ishc/contracts';
import { IndicatorValue, count } from './indicator-value';
import { DEFAULT_PLAN_PARAMETERS, PlanParameters } from './plan-parameters';

/** ISHC.md §4: older = age ≥ the plan's `elderlyAge`; this is the default, without a plan or when it gives none. */
export const ELDERLY_AGE = DEFAULT_PLAN_PARAMETERS.elderlyAge;

/** The statistics fields of a member (no personal data); null while the registration is not projected yet. */
export interface MemberStatistics {
  sex: Sex;
  birthYear: number;
  ethnicMinority: boolean | null;
  disadvantaged: readonly string[];
}

/** One membership in a club of `clubs(U,T)`, with what is known of its member. */
export interface MembershipFact {
  memberId: string;
  clubId: string;
  joinedOn: IsoDate;
  /** Exclusive: the first day not a member. */
  leftOn: IsoDate | null;
  diedOn: IsoDate | null;
  member: MemberStatistics | null;
}

/** The member facts of ISHC.md §6: memberships in the clubs of `clubs(U,T)` (any dates; the rule is applied here). */
export interface MemberFacts {
  memberships: readonly MembershipFact[];
}

/** `members(k,T)` holds a membership when joinedOn ≤ T < leftOn (open leftOn counts) and the member is alive on T (diedOn > T). */
export function isMemberOn(m: MembershipFact, asOf: IsoDate): boolean {
  return m.joinedOn <= asOf && (m.leftOn === null || m.leftOn > asOf) && (m.diedOn === null || m.diedOn > asOf);
}

/** ISHC.md §4 with a birth year only (the events carry no exact birth date): age on T = year(T) − birthYear. */
export function ageOn(birthYear: number, asOf: IsoDate): number {
  return Number(asOf.slice(0, 4)) - birthYear;
}

/** The members of `clubs(U,T)` on T, once each per club (a membership listed twice counts once). */
export function membersOn(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: MemberFacts,
  asOf: IsoDate,
): Array<{ clubId: string; memberId: string; member: MemberStatistics | null }> {
  const inScope = new Set(clubs.map((c) => c.clubId));
  const members = new Map<string, { clubId: string; memberId: string; member: MemberStatistics | null }>();
  for (const m of facts.memberships) {
    if (inScope.has(m.clubId) && isMemberOn(m, asOf)) members.set(`${m.clubId}/${m.memberId}`, { clubId: m.clubId, memberId: m.memberId, member: m.member });
  }
  return [...members.values()];
}

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
  const { elderlyAge } = params;
  const members = membersOn(clubs, facts, asOf);
  const known = members.map((m) => m.member).filter((s): s is MemberStatistics => s !== null);
  const countOf = (test: (s: MemberStatistics) => boolean) => known.filter(test).length;
  return [
    count('members_active', members.length),
    count('members_active_women', countOf((s) => s.sex === 'F')),
    count('members_active_older', countOf((s) => ageOn(s.birthYear, asOf) >= elderlyAge)),
    count('members_active_young', countOf((s) => ageOn(s.birthYear, asOf) < elderlyAge)),
    count('members_active_ethnic_minority', countOf((s) => s.ethnicMinority === true)),
    count('members_active_disadvantaged', countOf((s) => s.disadvantaged.length > 0)),
  ];
}
