import { IsoDate } from '@ishc/contracts';
import { ClubTally, ScopeTally, tallyClubs, tallyOf } from './club-tally';
import { IndicatorValue, percentage } from './indicator-value';
import { MemberFacts } from './members-on';
import { DEFAULT_PLAN_PARAMETERS, PlanParameters, isWithin } from './plan-parameters';

/**
 * The composition indicators of ISHC.md §6, each over `clubs(U,T)`: clubs whose size n, and whose shares
 * of women, older and young members (of n), lie in the plan's ranges (inclusive), and clubs meeting all
 * four. A club without members has no shares, so it meets none of them. A member whose registration is
 * not projected yet counts in n only.
 */
export function compositionIndicators(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: MemberFacts,
  asOf: IsoDate,
  params: Pick<PlanParameters, 'elderlyAge' | 'composition'>,
): IndicatorValue[] {
  return compositionIndicatorsOf(clubs, tallyClubs(clubs, { members: facts }, asOf, { ...DEFAULT_PLAN_PARAMETERS, elderlyAge: params.elderlyAge }), params);
}

/** compositionIndicators from the clubs' tallies (club-tally.ts). */
export function compositionIndicatorsOf(clubs: ReadonlyArray<{ clubId: string }>, tally: ScopeTally, params: Pick<PlanParameters, 'composition'>): IndicatorValue[] {
  const { composition } = params;
  const share = (part: number, n: number) => (100 * part) / n;
  // Each club of the scope once, as before (a club listed twice is one club).
  const checks = [...new Set(clubs.map((c) => c.clubId))].map((clubId) => {
    const t: ClubTally = tallyOf(tally, clubId);
    const size = isWithin(t.members, composition.members);
    const women = t.members > 0 && isWithin(share(t.women, t.members), composition.womenPct);
    const older = t.members > 0 && isWithin(share(t.older, t.members), composition.olderPct);
    const young = t.members > 0 && isWithin(share(t.young, t.members), composition.youngPct);
    return { size, women, older, young, all: size && women && older && young };
  });
  const clubsWhere = (test: (c: (typeof checks)[number]) => boolean) => checks.filter(test).length;
  return [
    percentage('clubs_size_compliant_pct', clubsWhere((c) => c.size), clubs.length),
    percentage('clubs_women_share_compliant_pct', clubsWhere((c) => c.women), clubs.length),
    percentage('clubs_elderly_share_compliant_pct', clubsWhere((c) => c.older), clubs.length),
    percentage('clubs_young_share_compliant_pct', clubsWhere((c) => c.young), clubs.length),
    percentage('clubs_composition_compliant_pct', clubsWhere((c) => c.all), clubs.length),
  ];
}
