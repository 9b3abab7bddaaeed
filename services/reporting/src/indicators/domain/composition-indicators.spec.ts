import { compositionIndicators } from './composition-indicators';
import { MembershipFact, MemberStatistics } from './member-indicators';
import { planParameters } from './plan-parameters';

const T = '2024-06-30';
let n = 0;
const members = (clubId: string, count: number, stats: Partial<MemberStatistics>): MembershipFact[] =>
  Array.from({ length: count }, () => ({
    memberId: `m${++n}`,
    clubId,
    joinedOn: '2020-01-01',
    leftOn: null,
    diedOn: null,
    member: { sex: 'M', birthYear: 1990, ethnicMinority: false, disadvantaged: [], ...stats },
  }));
/** A club of `size` members: `women` of them women, `older` of them aged 70 (the rest 34), women first among the older. */
const club = (clubId: string, size: number, women: number, older: number): MembershipFact[] => [
  ...members(clubId, Math.min(women, older), { sex: 'F', birthYear: 1954 }),
  ...members(clubId, Math.max(0, women - older), { sex: 'F', birthYear: 1990 }),
  ...members(clubId, Math.max(0, older - women), { sex: 'M', birthYear: 1954 }),
  ...members(clubId, size - Math.max(women, older), { sex: 'M', birthYear: 1990 }),
];
const valuesOf = (clubIds: string[], memberships: MembershipFact[], params = planParameters()) =>
  Object.fromEntries(compositionIndicators(clubIds.map((clubId) => ({ clubId })), { memberships }, T, params).map((i) => [i.code, [i.numerator, i.denominator]]));

describe('composition indicators', () => {
  it('given a club of 50 with 30 women, 30 older and 20 young (60%, 60%, 40%), then it meets every rule at the edges of the ranges', () => {
    expect(valuesOf(['a'], club('a', 50, 30, 30))).toEqual({
      clubs_size_compliant_pct: [1, 1],
      clubs_women_share_compliant_pct: [1, 1],
      clubs_elderly_share_compliant_pct: [1, 1],
      clubs_young_share_compliant_pct: [1, 1],
      clubs_composition_compliant_pct: [1, 1],
    });
  });

  it('given a club of 71 members, then only its size is off and it fails the composition', () => {
    // 71 members, 46 women (64.8%), 46 older (64.8%), 25 young (35.2%).
    expect(valuesOf(['a'], club('a', 71, 46, 46))).toEqual({
      clubs_size_compliant_pct: [0, 1],
      clubs_women_share_compliant_pct: [1, 1],
      clubs_elderly_share_compliant_pct: [1, 1],
      clubs_young_share_compliant_pct: [1, 1],
      clubs_composition_compliant_pct: [0, 1],
    });
  });

  it('given 29 women of 50 (58%), then the women share is off; with a compliant second club, 1 of 2', () => {
    const result = valuesOf(['a', 'b'], [...club('a', 50, 29, 30), ...club('b', 60, 40, 40)]);
    expect(result.clubs_women_share_compliant_pct).toEqual([1, 2]);
    expect(result.clubs_composition_compliant_pct).toEqual([1, 2]);
  });

  it('given a plan with elderlyAge 75 and its own ranges, then they apply', () => {
    // Everyone older is 70: with elderlyAge 75 nobody is older, everyone young.
    const params = planParameters({ elderlyAge: 75, composition: { olderPct: { min: 0, max: 0 }, youngPct: { min: 100, max: 100 }, members: { min: 10, max: 50 } } });
    expect(valuesOf(['a'], club('a', 50, 30, 30), params)).toMatchObject({
      clubs_size_compliant_pct: [1, 1],
      clubs_elderly_share_compliant_pct: [1, 1],
      clubs_young_share_compliant_pct: [1, 1],
    });
  });

  it('given a club without members, then it meets no share rule; given no clubs, then the percentages are null', () => {
    expect(valuesOf(['empty'], []).clubs_women_share_compliant_pct).toEqual([0, 1]);
    expect(compositionIndicators([], { memberships: [] }, T, planParameters()).every((i) => i.value === null && i.denominator === 0)).toBe(true);
  });

  it('given members who left before T or are in other clubs, then they do not count', () => {
    const left = members('a', 10, {}).map((m) => ({ ...m, leftOn: '2024-01-01' }));
    expect(valuesOf(['a'], [...club('a', 50, 30, 30), ...left, ...club('z', 5, 5, 5)]).clubs_size_compliant_pct).toEqual([1, 1]);
  });
});
