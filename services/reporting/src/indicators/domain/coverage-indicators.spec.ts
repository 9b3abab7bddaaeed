import { coverageIndicators } from './coverage-indicators';

const club = (clubId: string, communeCode: string) => ({ clubId, communeCode });

describe('coverage indicators', () => {
  it('given 4 communes of which 2 have clubs (one has two), then 50% coverage and 3 active clubs', () => {
    const result = coverageIndicators({ communes: ['a', 'b', 'c', 'd'], clubs: [club('1', 'a'), club('2', 'a'), club('3', 'c')] });
    expect(result).toEqual([
      { code: 'communes_with_club_pct', value: 50, numerator: 2, denominator: 4 },
      { code: 'clubs_active', value: 3, numerator: 3, denominator: null },
    ]);
  });

  it('given no communes, then the percentage is null (denominator 0), not 0 or NaN', () => {
    const [pct, active] = coverageIndicators({ communes: [], clubs: [] });
    expect(pct).toEqual({ code: 'communes_with_club_pct', value: null, numerator: 0, denominator: 0 });
    expect(active.value).toBe(0);
  });

  it('rounds percentages to two decimals: 1 of 3 communes is 33.33%', () => {
    const [pct] = coverageIndicators({ communes: ['a', 'b', 'c'], clubs: [club('1', 'b')] });
    expect(pct.value).toBe(33.33);
  });
});
