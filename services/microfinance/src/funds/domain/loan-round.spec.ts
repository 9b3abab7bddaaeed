import { FundEvent, LoanEvent } from '@ishc/contracts';
import { portfolioOn, loanStandingOn } from '../../loans/domain/arrears';
import { LoanCommand, LoanState, decideLoan, evolveLoan, initialLoanState, loanHistory } from '../../loans/domain/loan';
import { RuleViolation } from '@ishc/domain-kit';
import { FundCommand, FundState, decideFund, evolveFund, initialFundState } from './fund';
import { positionOn } from './fund-ledger';
import { fundCommandFor } from './loan-postings';
import { HAND_DAYS_PAST_DUE, HAND_INTEREST_INCOME, HAND_PORTFOLIO, HAND_SCHEDULE, HAND_WRITTEN_OFF, ROUND_EVENTS, ROUND_FUND, ROUND_LOANS, ROUND_TERMS, RoundLoan } from './loan-round.fixture';

// The hand-computed round (figures and story in loan-round.fixture.ts).

const today = '2026-11-30';
const clubId = '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a10';
const ids = ROUND_LOANS;
type Id = RoundLoan | 'L6';

const handTable = HAND_SCHEDULE;

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
  club.onFund({ type: 'OpenFund', clubId, kind: 'income', openedOn: ROUND_FUND.openedOn, today });
  for (const c of ROUND_FUND.contributions) club.onFund({ type: 'Contribute', ...c, today });
  const { principalVnd, termMonths, monthlyRatePct, appliedOn, approvedOn, disbursedOn } = ROUND_TERMS;
  for (const id of ids) {
    club.onLoan(id, { type: 'ApplyForLoan', clubId, memberId: `member-${id}`, principalVnd, termMonths, monthlyRatePct, purpose: 'chăn nuôi', appliedOn });
    club.onLoan(id, { type: 'ApproveLoan', approvedOn });
    club.onLoan(id, { type: 'DisburseLoan', disbursedOn });
  }
  for (const e of ROUND_EVENTS) {
    if ('pay' in e) club.onLoan(e.loan, { type: 'RecordRepayment', amountVnd: e.pay, paidOn: e.on });
    else club.onLoan(e.loan, { type: 'WriteOffLoan', writtenOffOn: e.on, reason: e.writeOff });
  }
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
  it.each(HAND_DAYS_PAST_DUE)('days past due on %s', (asOf, expected) => {
    expect(club.histories().map((h) => loanStandingOn(h, asOf).daysPastDue)).toEqual(expected);
  });

  // [outstanding principal, PAR30 principal, fund cash, fund capital]
  it.each(HAND_PORTFOLIO)('on %s: outstanding %d, PAR30 %d, cash %d, capital %d', (asOf, outstanding, par30, cash, capital) => {
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
    expect(fund.interestIncomeVnd).toBe(HAND_INTEREST_INCOME);
    expect(fund.writtenOffVnd).toBe(HAND_WRITTEN_OFF);
    expect(fund.capitalVnd).toBe(20_000_000 + HAND_INTEREST_INCOME - HAND_WRITTEN_OFF);
  });
});
