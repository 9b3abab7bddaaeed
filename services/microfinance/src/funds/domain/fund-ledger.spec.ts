import { FundEvent } from '@ishc/contracts';
import { UnbalancedEntryError, balancesOn, cashAvailableFrom, emptyLedger, isBalanced, journalEntryFor, positionOn, post } from './fund-ledger';

const clubId = '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a10';
const loanId = '3b0f7a8e-6c1d-4d2a-9e3f-1a2b3c4d5e6f';
const events: FundEvent[] = [
  { type: 'FundContributionReceived', data: { clubId, kind: 'income', amountVnd: 3_000_000, source: 'commune_committee', receivedOn: '2025-01-02' } },
  { type: 'FundContributionReceived', data: { clubId, kind: 'income', amountVnd: 2_000_000, source: 'members', receivedOn: '2025-01-05' } },
  { type: 'FundLoanDisbursed', data: { clubId, kind: 'income', loanId, amountVnd: 4_000_000, disbursedOn: '2025-01-15' } },
  { type: 'FundRepaymentReceived', data: { clubId, kind: 'income', loanId, principalVnd: 400_000, interestVnd: 20_000, receivedOn: '2025-02-15' } },
  { type: 'FundLoanWrittenOff', data: { clubId, kind: 'income', loanId, principalVnd: 3_600_000, writtenOffOn: '2025-06-30' } },
];
const ledger = events.reduce((l, e) => post(l, journalEntryFor(e)!), emptyLedger());

describe('the fund ledger', () => {
  it('books each movement as a balanced double entry', () => {
    expect(journalEntryFor(events[3])).toEqual({
      on: '2025-02-15',
      memo: `repayment of loan ${loanId}`,
      lines: [
        { account: 'cash', side: 'debit', amountVnd: 420_000 },
        { account: 'loans_receivable', side: 'credit', amountVnd: 400_000 },
        { account: 'interest_income', side: 'credit', amountVnd: 20_000 },
      ],
    });
    expect(journalEntryFor({ type: 'FundOpened', data: { clubId, kind: 'income', openedOn: '2025-01-01' } })).toBeNull();
    expect(isBalanced(ledger)).toBe(true);
    expect(Object.values(balancesOn(ledger, '2025-01-20')).reduce((s, b) => s + b, 0)).toBe(0);
  });

  it('refuses an entry whose debits and credits differ', () => {
    const bad = { on: '2025-01-01', memo: 'bad', lines: [{ account: 'cash' as const, side: 'debit' as const, amountVnd: 5 }] };
    expect(() => post(emptyLedger(), bad)).toThrow(UnbalancedEntryError);
  });

  it('gives the position on any date: cash, loans, capital = cash + loans, sources, income, write-offs', () => {
    expect(positionOn(ledger, '2025-01-14')).toMatchObject({ cashVnd: 5_000_000, loansOutstandingVnd: 0, capitalVnd: 5_000_000 });
    expect(positionOn(ledger, '2025-01-15')).toMatchObject({ cashVnd: 1_000_000, loansOutstandingVnd: 4_000_000, capitalVnd: 5_000_000 });
    expect(positionOn(ledger, '2025-02-15')).toMatchObject({ cashVnd: 1_420_000, loansOutstandingVnd: 3_600_000, capitalVnd: 5_020_000, interestIncomeVnd: 20_000 });
    expect(positionOn(ledger)).toEqual({
      cashVnd: 1_420_000,
      loansOutstandingVnd: 0,
      capitalVnd: 1_420_000,
      contributionsVnd: { commune_committee: 3_000_000, vae: 0, project: 0, donor: 0, members: 2_000_000 },
      interestIncomeVnd: 20_000,
      writtenOffVnd: 3_600_000,
    });
  });

  it('counts as available only the cash that stays non-negative on every later recorded date', () => {
    expect(cashAvailableFrom(ledger, '2025-01-03')).toBe(1_000_000); // the 2025-01-15 loan will need the rest
    expect(cashAvailableFrom(ledger, '2025-02-15')).toBe(1_420_000);
    expect(cashAvailableFrom(ledger, '2024-12-31')).toBe(0);
  });
});
