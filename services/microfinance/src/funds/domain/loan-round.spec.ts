import { FundEvent, LoanEvent } from '@ishc/contracts';
import { portfolioOn, loanStandingOn } from '../../loans/domain/arrears';
import { LoanCommand, LoanState, decideLoan, evolveLoan, initialLoanState, loanHistory } from '../../loans/domain/loan';
import { RuleViolation } from '@ishc/domain-kit';
import { FundCommand, FundState, decideFund, evolveFund, initialFundState } from './fund';
import { positionOn } from './fund-ledger';
import { fundCommandFor } from './loan-postings';

// The hand-computed round: a fund of 20,000,000 VND lends 5 loans of 4,000,000 VND over 10 months at
// 0.5 %/month, disbursed on 2025-01-15. Every figure below was worked out by hand.
//
//  #  due on       balance before  principal  interest (0.5 %)  instalment
//  1  2025-02-15   4,000,000       400,000    20,000            420,000
//  2  2025-03-15   3,600,000       400,000    18,000            418,000
//  3  2025-04-15   3,200,000       400,000    16,000            416,000
//  4  2025-05-15   2,800,000       400,000    14,000            414,000
//  5  2025-06-15   2,400,000       400,000    12,000            412,000
//  6  2025-07-15   2,000,000       400,000    10,000            410,000
//  7  2025-08-15   1,600,000       400,000     8,000            408,000
//  8  2025-09-15   1,200,000       400,000     6,000            406,000
//  9  2025-10-15     800,000       400,000     4,000            404,000
// 10  2025-11-15     400,000       400,000     2,000            402,000
//                              4,000,000   110,000          4,110,000
//
// L1 pays on time; L2 pays instalment 1 late, on day 45 (2025-03-01), then stops; L3 pays nothing and is
// written off on 2025-04-30; L4 pays only the first month's interest; L5 repays everything on 2025-02-10.

const today = '2026-11-30';
const clubId = '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a10';
const ids = ['L1', 'L2', 'L3', 'L4', 'L5'] as const;
type Id = (typeof ids)[number] | 'L6';

const handTable = [
  ['2025-02-15', 400_000, 20_000],
  ['2025-03-15', 400_000, 18_000],
  ['2025-04-15', 400_000, 16_000],
  ['2025-05-15', 400_000, 14_000],
  ['2025-06-15', 400_000, 12_000],
  ['2025-07-15', 400_000, 10_000],
  ['2025-08-15', 400_000, 8_000],
  ['2025-09-15', 400_000, 6_000],
  ['2025-10-15', 400_000, 4_000],
  ['2025-11-15', 400_000, 2_000],
] as const;

/** A loan command without the loan id and today, which the club fills in. */
type LoanCommandBody = LoanCommand extends infer C ? (C extends LoanCommand ? Omit<C, 'loanId' | 'today'> : never) : never;

/** What the command handlers will do, without I/O: decide the loan, then the fund postings it asks for. */
class Club {
  fund: FundState = initialFundState();
  loans = new Map<Id, LoanState>();
  fundEvents: FundEvent[] = [];

  onFund(command: FundCommand): void {
    const events = decideFund(command, this.fund);
    this.fund = events.reduce(evolveFund, this.fund);
    this.fundEvents.push(...events);
  }

  onLoan(id: Id, command: LoanCommandBody): LoanEvent[] {
    const state = this.loans.get(id) ?? initialLoanState();
    const events = decideLoan({ ...command, loanId: id, today } as LoanCommand, state);
    // the fund decides in the same transaction: if it refuses, nothing of the loan is kept either
    for (const event of events) {
      const posting = fundCommandFor(event, today);
      if (posting) this.onFund(posting);
    }
    this.loans.set(id, events.reduce(evolveLoan, state));
    return events;
  }

  histories() {
    return ids.map((id) => loanHistory(this.loans.get(id)!)!);
  }
}

function theRound(): Club {
  const club = new Club();
  club.onFund({ type: 'OpenFund', clubId, kind: 'income', openedOn: '2025-01-02', today });
  club.onFund({ type: 'Contribute', amountVnd: 12_000_000, source: 'commune_committee', receivedOn: '2025-01-02', today });
  club.onFund({ type: 'Contribute', amountVnd: 8_000_000, source: 'vae', receivedOn: '2025-01-05', today });
  for (const id of ids) {
    club.onLoan(id, { type: 'ApplyForLoan', clubId, memberId: `member-${id}`, principalVnd: 4_000_000, termMonths: 10, monthlyRatePct: '0.5', purpose: 'chăn nuôi', appliedOn: '2025-01-06' });
    club.onLoan(id, { type: 'ApproveLoan', approvedOn: '2025-01-10' });
    club.onLoan(id, { type: 'DisburseLoan', disbursedOn: '2025-01-15' });
  }
  const pay = (id: Id, amountVnd: number, paidOn: string) => club.onLoan(id, { type: 'RecordRepayment', amountVnd, paidOn });
  pay('L5', 4_110_000, '2025-02-10');
  pay('L1', 420_000, '2025-02-15');
  pay('L4', 20_000, '2025-02-15');
  pay('L2', 420_000, '2025-03-01');
  pay('L1', 418_000, '2025-03-15');
  pay('L1', 416_000, '2025-04-15');
  club.onLoan('L3', { type: 'WriteOffLoan', writtenOffOn: '2025-04-30', reason: 'member left the commune' });
  return club;
}

describe('the hand-computed round: 5 loans of 4,000,000 VND from a 20,000,000 VND fund', () => {
  const club = theRound();

  it('fixes every loan to the hand-computed schedule', () => {
    for (const id of ids) {
      expect(club.loans.get(id)!.schedule.map((i) => [i.dueOn, i.principalVnd, i.interestVnd])).toEqual(handTable.map((row) => [...row]));
    }
  });

  it('splits each payment as by hand: on time, late, interest only, early payoff', () => {
    expect(club.loans.get('L1')!).toMatchObject({ status: 'disbursed', principalPaidVnd: 1_200_000, interestPaidVnd: 54_000 });
    expect(club.loans.get('L2')!).toMatchObject({ status: 'disbursed', principalPaidVnd: 400_000, interestPaidVnd: 20_000 });
    expect(club.loans.get('L4')!).toMatchObject({ status: 'disbursed', principalPaidVnd: 0, interestPaidVnd: 20_000 });
    expect(club.loans.get('L5')!).toMatchObject({ status: 'repaid', principalPaidVnd: 4_000_000, interestPaidVnd: 110_000, closedOn: '2025-02-10' });
    expect(club.loans.get('L3')!).toMatchObject({ status: 'written_off', closedOn: '2025-04-30' });
  });

  it('refuses a sixth loan while the fund holds no cash, and the loan stays approved', () => {
    const round = theRound();
    round.onLoan('L6', { type: 'ApplyForLoan', clubId, memberId: 'member-L6', principalVnd: 4_000_000, termMonths: 10, monthlyRatePct: '0.5', purpose: 'x', appliedOn: '2025-01-16' });
    round.onLoan('L6', { type: 'ApproveLoan', approvedOn: '2025-01-16' });
    expect(() => round.onLoan('L6', { type: 'DisburseLoan', disbursedOn: '2025-01-20' })).toThrow(RuleViolation);
    expect(round.loans.get('L6')!.status).toBe('approved');
    // after L5's payoff on 2025-02-10 the fund holds 4,110,000: 4,000,000 can be lent again
    round.onLoan('L6', { type: 'DisburseLoan', disbursedOn: '2025-02-12' });
    expect(positionOn(round.fund.ledger, '2025-02-12')).toMatchObject({ cashVnd: 110_000, loansOutstandingVnd: 20_000_000 }); // L1–L4 16,000,000 + L6
  });

  // days past due per loan [L1, L2, L3, L4, L5]
  it.each([
    ['2025-02-14', [0, 0, 0, 0, 0]],
    ['2025-02-28', [0, 13, 13, 13, 0]], // instalment 1 fell due on 02-15
    ['2025-03-01', [0, 0, 14, 14, 0]], // L2 pays instalment 1 on day 45: its oldest unpaid is now #2, due 03-15
    ['2025-03-17', [0, 2, 30, 30, 0]],
    ['2025-03-18', [0, 3, 31, 31, 0]],
    ['2025-04-20', [0, 36, 64, 64, 0]], // 16 + 20; 13 + 31 + 20
    ['2025-04-30', [0, 46, 0, 74, 0]], // L3 written off
  ])('days past due on %s', (asOf, expected) => {
    expect(club.histories().map((h) => loanStandingOn(h, asOf).daysPastDue)).toEqual(expected);
  });

  // [outstanding principal, PAR30 principal, fund cash, fund capital]
  it.each([
    ['2025-01-14', 0, 0, 20_000_000, 20_000_000],
    ['2025-01-15', 20_000_000, 0, 0, 20_000_000],
    // 15.6M = 3.6 (L1) + 4 + 4 + 4 + 0 (L5); cash = 4,110,000 (L5) + 420,000 (L1) + 20,000 (L4)
    ['2025-02-28', 15_600_000, 0, 4_550_000, 20_150_000],
    // L1 3.2M, L2 3.6M, L3 4M, L4 4M; cash += 420,000 (L2) + 418,000 (L1); PAR30 empty at 30 days
    ['2025-03-17', 14_800_000, 0, 5_388_000, 20_188_000],
    ['2025-03-18', 14_800_000, 8_000_000, 5_388_000, 20_188_000], // L3 and L4 at 31 days
    ['2025-04-20', 14_400_000, 11_600_000, 5_804_000, 20_204_000], // L1 2.8M after 04-15; L2 now 36 days
    ['2025-04-30', 10_400_000, 7_600_000, 5_804_000, 16_204_000], // L3's 4,000,000 written off
  ])('on %s: outstanding %d, PAR30 %d, cash %d, capital %d', (asOf, outstanding, par30, cash, capital) => {
    const portfolio = portfolioOn(club.histories(), asOf);
    expect(portfolio.outstandingVnd).toBe(outstanding);
    expect(portfolio.par30Vnd).toBe(par30);
    expect(portfolio.par30Pct).toBe(outstanding === 0 ? null : (100 * par30) / outstanding);
    const fund = positionOn(club.fund.ledger, asOf);
    expect(fund.cashVnd).toBe(cash);
    expect(fund.loansOutstandingVnd).toBe(outstanding); // the ledger and the loans agree
    expect(fund.capitalVnd).toBe(capital); // income_fund_capital_vnd = cash + outstanding principal
  });

  it('ends with capital = contributions + interest − write-offs', () => {
    const fund = positionOn(club.fund.ledger);
    expect(fund.contributionsVnd).toMatchObject({ commune_committee: 12_000_000, vae: 8_000_000 });
    expect(fund.interestIncomeVnd).toBe(20_000 + 18_000 + 16_000 + 20_000 + 20_000 + 110_000);
    expect(fund.writtenOffVnd).toBe(4_000_000);
    expect(fund.capitalVnd).toBe(20_000_000 + 204_000 - 4_000_000);
  });
});
