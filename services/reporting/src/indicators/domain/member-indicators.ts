import { IsoDate, Sex } from '@ishc/contracts';
import { IndicatorValue, count } from './indicator-value';

/**
 * ISHC.md §4: older = age ≥ the plan's `elderlyAge` (default 60). Plans do not exist yet, so every
 * figure uses this default for now.
 */
export const ELDERLY_AGE = 60;

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

/**
 * `members_active` = Σ over `clubs(U,T)` of |members(k,T)|, and its breakdown by sex (women), older,
 * young, ethnic minority and disadvantaged (any category). Counts, no denominator. A member whose
 * registration has not been projected yet counts in the total only.
 */
export function memberIndicators(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: MemberFacts,
  asOf: IsoDate,
  elderlyAge: number = ELDERLY_AGE,
): IndicatorValue[] {
  const inScope = new Set(clubs.map((c) => c.clubId));
  const members = new Map<string, MemberStatistics | null>();
  for (const m of facts.memberships) {
    if (inScope.has(m.clubId) && isMemberOn(m, asOf)) members.set(`${m.clubId}/${m.memberId}`, m.member);
  }
  const known = [...members.values()].filter((s): s is MemberStatistics => s !== null);
  const countOf = (test: (s: MemberStatistics) => boolean) => known.filter(test).length;
  return [
    count('members_active', members.size),
    count('members_active_women', countOf((s) => s.sex === 'F')),
    count('members_active_older', countOf((s) => ageOn(s.birthYear, asOf) >= elderlyAge)),
    count('members_active_young', countOf((s) => ageOn(s.birthYear, asOf) < elderlyAge)),
    count('members_active_ethnic_minority', countOf((s) => s.ethnicMinority === true)),
    count('members_active_disadvantaged', countOf((s) => s.disadvantaged.length > 0)),
  ];
}
