import { IsoDate } from '@ishc/contracts';
import type { ActivityFacts } from './activity-indicators';
import type { LoanFacts } from './loan-indicators';
import { MemberStatistics, MemberFacts, ageOn, membersOn } from './members-on';
import { PlanParameters } from './plan-parameters';
import { RoleFacts, rolesOnT } from './roles-on';
import { loanWindow, trailingWindow } from './windows';

/**
 * What the indicators need to know of one club's members on T (members(k,T), ISHC.md §6), as counts.
 * A province has tens of thousands of members and the country 600,000: reading them one by one to
 * count them here was most of a cold query's time, so reporting has PostgreSQL count them
 * (club-tally.query.ts) and the indicators are computed from these counts. `tallyClubs` below is the
 * definition the query must match, in plain code: the domain specs go through it.
 */
export interface ClubTally {
  /** |members(k,T)|, and those whose registration is projected (known) by sex, age and category. */
  members: number;
  women: number;
  older: number;
  young: number;
  ethnicMinority: number;
  disadvantaged: number;
  /** Older members with a health check (recorded by any club) within W. */
  olderHealthChecked: number;
  /** Members with a club-fund loan (from any club's fund) disbursed within the loan window. */
  borrowers: number;
  /** Members holding `home_care_volunteer` / `livelihood_volunteer` on T. */
  homeCareVolunteers: number;
  livelihoodVolunteers: number;
  /** Members visited at home within W (by any club's volunteers). */
  beneficiaries: number;
}

/** The tallies of the clubs of `clubs(U,T)`, and what is counted once across them. */
export interface ScopeTally {
  /** By club id; a club without members on T may be missing (all zero). */
  clubs: ReadonlyMap<string, ClubTally>;
  /** Distinct members of members(k,T) of any club of the scope visited at home within W. */
  homeCareBeneficiaries: number;
  /**
   * The clubs of each beneficiary who is a member of more than one club of the scope (a few): with the
   * clubs' `beneficiaries`, what counts a part of the scope's beneficiaries once each (beneficiariesAmong).
   */
  sharedBeneficiaries: ReadonlyArray<readonly string[]>;
}

export const EMPTY_TALLY: ClubTally = {
  members: 0,
  women: 0,
  older: 0,
  young: 0,
  ethnicMinority: 0,
  disadvantaged: 0,
  olderHealthChecked: 0,
  borrowers: 0,
  homeCareVolunteers: 0,
  livelihoodVolunteers: 0,
  beneficiaries: 0,
};

export const tallyOf = (tally: ScopeTally, clubId: string): ClubTally => tally.clubs.get(clubId) ?? EMPTY_TALLY;

export type TallyParameters = Pick<PlanParameters, 'elderlyAge' | 'trailingWindowMonths' | 'period'>;

/**
 * The tallies from the facts, by the rules of ISHC.md §6 (members(k,T) once each per club; a member
 * whose registration is not projected counts in `members` only; the latest role set on or before T).
 * Facts not given count nothing.
 */
export function tallyClubs(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: { members: MemberFacts; activities?: ActivityFacts; loans?: LoanFacts; roles?: RoleFacts },
  asOf: IsoDate,
  params: TallyParameters,
): ScopeTally {
  const w = trailingWindow(asOf, params.trailingWindowMonths);
  const inW = (day: IsoDate) => w.start <= day && day <= w.end;
  const checked = new Set((facts.activities?.healthChecks ?? []).filter((h) => inW(h.checkedOn)).map((h) => h.memberId));
  const visited = new Set((facts.activities?.homeCareVisits ?? []).filter((v) => inW(v.visitedOn)).map((v) => v.beneficiaryId));
  const lw = loanWindow(asOf, params);
  const borrowers = new Set((facts.loans?.loans ?? []).filter((l) => lw.start <= l.disbursedOn && l.disbursedOn <= lw.end).map((l) => l.memberId));
  const rolesOf = rolesOnT(facts.roles ?? { roleSets: [] }, asOf);
  const isOlder = (s: MemberStatistics | null) => s !== null && ageOn(s.birthYear, asOf) >= params.elderlyAge;

  const tallies = new Map<string, ClubTally>();
  const clubsOfBeneficiary = new Map<string, string[]>();
  for (const { clubId, memberId, member } of membersOn(clubs, facts.members, asOf)) {
    const t = tallies.get(clubId) ?? { ...EMPTY_TALLY };
    tallies.set(clubId, t);
    const roles = new Set(rolesOf(clubId, memberId));
    t.members++;
    if (roles.has('home_care_volunteer')) t.homeCareVolunteers++;
    if (roles.has('livelihood_volunteer')) t.livelihoodVolunteers++;
    if (borrowers.has(memberId)) t.borrowers++;
    if (visited.has(memberId)) {
      t.beneficiaries++;
      clubsOfBeneficiary.set(memberId, [...(clubsOfBeneficiary.get(memberId) ?? []), clubId]);
    }
    if (member === null) continue;
    if (member.sex === 'F') t.women++;
    if (isOlder(member)) t.older++;
    else t.young++;
    if (isOlder(member) && checked.has(memberId)) t.olderHealthChecked++;
    if (member.ethnicMinority === true) t.ethnicMinority++;
    if (member.disadvantaged.length > 0) t.disadvantaged++;
  }
  const shared = [...clubsOfBeneficiary.values()].filter((clubIds) => clubIds.length > 1).map((clubIds) => clubIds.sort());
  return { clubs: tallies, homeCareBeneficiaries: clubsOfBeneficiary.size, sharedBeneficiaries: shared };
}

/**
 * home_care_beneficiaries over some clubs of the scope (distinct club ids), from the clubs' counts: each
 * club's beneficiaries, less those counted in more than one of these clubs, counted once.
 */
export function beneficiariesAmong(tally: ScopeTally, clubIds: ReadonlySet<string>): number {
  let total = 0;
  for (const clubId of clubIds) total += tallyOf(tally, clubId).beneficiaries;
  for (const clubsOfMember of tally.sharedBeneficiaries) {
    const among = clubsOfMember.filter((clubId) => clubIds.has(clubId)).length;
    if (among > 1) total -= among - 1;
  }
  return total;
}
