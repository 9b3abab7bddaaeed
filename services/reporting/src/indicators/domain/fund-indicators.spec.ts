import { fundIndicators } from './fund-indicators';

describe('fund indicators', () => {
  const clubs = [{ clubId: 'a' }, { clubId: 'b' }, { clubId: 'c' }];

  it('given 3 clubs of which one has both funds and one only the income fund, then 33.33% and the capital as given', () => {
    const result = fundIndicators(clubs, {
      fundsOpened: [
        { clubId: 'a', kind: 'income' },
        { clubId: 'a', kind: 'activity' },
        { clubId: 'b', kind: 'income' },
      ],
      incomeFundCapitalVnd: 12_345_678,
    });
    expect(result).toEqual([
      { code: 'clubs_with_both_funds_pct', value: 33.33, numerator: 1, denominator: 3 },
      { code: 'income_fund_capital_vnd', value: 12_345_678, numerator: 12_345_678, denominator: null },
    ]);
  });

  it('given no clubs, then the percentage is null and the capital 0; funds of clubs outside clubs(U,T) do not count', () => {
    const [pct, capital] = fundIndicators([], { fundsOpened: [{ clubId: 'z', kind: 'income' }, { clubId: 'z', kind: 'activity' }], incomeFundCapitalVnd: 0 });
    expect(pct).toEqual({ code: 'clubs_with_both_funds_pct', value: null, numerator: 0, denominator: 0 });
    expect(capital.value).toBe(0);
  });
});
