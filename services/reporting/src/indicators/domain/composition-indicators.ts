import { IsoDate } from '@ishc/contracts';
import { IndicatorValue, percentage } from './indicator-value';
import { MemberFacts, ageOn, membersOn } from './member-indicators';
import { PlanParameters, isWithin } from './plan-parameters';

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
  const tally = new Map(clubs.map((c) => [c.clubId, { n: 0, women: 0, older: 0, young: 0 }]));
  for (const { clubId, member } of membersOn(clubs, facts, asOf)) {
    const t = tally.get(clubId);
    if (!t) continue;
    t.n++;
    if (member === null) continue;
    if (member.sex === 'F') t.women++;
    if (ageOn(member.birthYear, asOf) >= params.elderlyAge) t.older++;
    else t.young++;
  }
  const { composition } = params;
  const share = (part: number, n: number) => (100 * part) / n;
  const checks = [...tally.values()].map((t) => {
    const size = isWithin(t.n, composition.members);
    const women = t.n > 0 && isWithin(share(t.women, t.n), composition.womenPct);
    const older = t.n > 0 && isWithin(share(t.older, t.n), composition.olderPct);
    const young = t.n > 0 && isWithin(share(t.young, t.n), composition.youngPct);
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
