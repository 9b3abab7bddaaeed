import { IsoDate, Sex } from '@ishc/contracts';

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
