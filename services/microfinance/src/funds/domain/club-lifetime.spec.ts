import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { decideFundOfClub } from './club-lifetime';
import { initialFundState } from './fund';

const club = { clubId: 'c1', establishedOn: '2021-06-01', dissolvedOn: '2024-01-01' };
const open = (openedOn: string) => ({ type: 'OpenFund' as const, clubId: 'c1', kind: 'income' as const, openedOn, today: '2025-01-01' });
const fields = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolations) return error.violations.map((v) => `${v.kind}:${v.field}`);
    if (error instanceof RuleViolation) return [`${error.kind}:${error.field}`];
  }
  return [];
};

describe('a fund within its club’s lifetime', () => {
  it('given the club is not known yet, then a conflict the client may retry', () => {
    expect(() => decideFundOfClub(open('2022-01-01'), initialFundState(), 'c1', null)).toThrow(/not known to microfinance yet/);
    expect(fields(() => decideFundOfClub(open('2022-01-01'), initialFundState(), 'c1', null))).toEqual(['conflict:null']);
  });

  it('given a live club, then the fund opens on any day from its establishment to the day before its dissolution', () => {
    expect(decideFundOfClub(open('2021-06-01'), initialFundState(), 'c1', club)).toEqual([
      { type: 'FundOpened', data: { clubId: 'c1', kind: 'income', openedOn: '2021-06-01' } },
    ]);
    expect(decideFundOfClub(open('2023-12-31'), initialFundState(), 'c1', club)).toHaveLength(1);
  });

  it('names openedOn before the establishment or on/after the dissolution, together with the fund’s own invalid fields', () => {
    expect(fields(() => decideFundOfClub(open('2021-05-31'), initialFundState(), 'c1', club))).toEqual(['invalid:openedOn']);
    expect(fields(() => decideFundOfClub(open('2024-01-01'), initialFundState(), 'c1', club))).toEqual(['invalid:openedOn']);
    const badKind = { ...open('2021-01-01'), kind: 'savings' as unknown as 'income' };
    expect(fields(() => decideFundOfClub(badKind, initialFundState(), 'c1', club)).sort()).toEqual(['invalid:kind', 'invalid:openedOn']);
  });

  it('names receivedOn of a contribution outside the club’s lifetime', () => {
    const state = { ...initialFundState(), clubId: 'c1', kind: 'income' as const, openedOn: '2021-06-01' };
    const contribute = (receivedOn: string) => ({ type: 'Contribute' as const, amountVnd: 1000, source: 'members' as const, receivedOn, today: '2025-01-01' });
    expect(fields(() => decideFundOfClub(contribute('2024-02-01'), state, 'c1', club))).toEqual(['invalid:receivedOn']);
    expect(decideFundOfClub(contribute('2023-02-01'), state, 'c1', club)).toHaveLength(1);
  });
});
