import { LoanEvent } from '@ishc/contracts';
import { parseRatePct } from '../../shared/money';
import { LoanState, evolveLoan, initialLoanState } from './loan';
import { loanStandingAsOf } from './loan-view';
import { repaymentSchedule } from './repayment-schedule';

// One loan of the hand-computed round (funds/domain/loan-round.spec.ts): 4,000,000 VND over 10 months at
// 0.5 %/month, disbursed 2025-01-15; instalment 1 (420,000 = 400,000 + 20,000) paid late on 2025-03-01.
const loanId = '3b0f7a8e-6c1d-4d2a-9e3f-1a2b3c4d5e6f';
const clubId = '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a10';
const memberId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const schedule = repaymentSchedule({ principalVnd: 4_000_000, termMonths: 10, monthlyRate: parseRatePct('0.5')!, disbursedOn: '2025-01-15' });

const events: LoanEvent[] = [
  { type: 'LoanApplied', data: { loanId, clubId, memberId, principalVnd: 4_000_000, termMonths: 10, monthlyRatePct: '0.5', appliedOn: '2025-01-06' } },
  { type: 'LoanApproved', data: { loanId, approvedOn: '2025-01-10' } },
  { type: 'LoanDisbursed', data: { loanId, clubId, memberId, principalVnd: 4_000_000, disbursedOn: '2025-01-15', schedule } },
  { type: 'LoanRepaymentReceived', data: { loanId, clubId, paidOn: '2025-03-01', amountVnd: 420_000, principalVnd: 400_000, interestVnd: 20_000 } },
];
const fold = (history: LoanEvent[]): LoanState => history.reduce(evolveLoan, initialLoanState());
const late = fold(events);

describe('a loan as it stood on a date', () => {
  it('given a late payment, then on 2025-04-20 instalment 1 is paid, #2 is 36 days past due, and the rest is outstanding', () => {
    const standing = loanStandingAsOf(late, '2025-04-20')!;
    expect(standing).toMatchObject({
      status: 'disbursed',
      approvedOn: '2025-01-10',
      disbursedOn: '2025-01-15',
      paid: { totalVnd: 420_000, principalVnd: 400_000, interestVnd: 20_000 },
      outstanding: { totalVnd: 3_690_000, principalVnd: 3_600_000, interestVnd: 90_000 },
      daysPastDue: 36,
      arrearsBucket: '31-60',
    });
    expect(standing.schedule.slice(0, 2)).toEqual([
      { number: 1, dueOn: '2025-02-15', principalVnd: 400_000, interestVnd: 20_000, principalPaidVnd: 400_000, interestPaidVnd: 20_000, paid: true },
      { number: 2, dueOn: '2025-03-15', principalVnd: 400_000, interestVnd: 18_000, principalPaidVnd: 0, interestPaidVnd: 0, paid: false },
    ]);
  });

  it('ignores what happened after the date: before the payment, instalment 1 is 13 days late on 2025-02-28', () => {
    expect(loanStandingAsOf(late, '2025-02-28')).toMatchObject({ paid: { totalVnd: 0 }, outstanding: { principalVnd: 4_000_000, interestVnd: 110_000 }, daysPastDue: 13, arrearsBucket: '1-30' });
  });

  it('gives the status of the day: applied, approved (no schedule yet), and nothing before the application', () => {
    expect(loanStandingAsOf(late, '2025-01-06')).toMatchObject({ status: 'applied', approvedOn: null, schedule: [], outstanding: { totalVnd: 0 } });
    expect(loanStandingAsOf(late, '2025-01-14')).toMatchObject({ status: 'approved', disbursedOn: null, schedule: [], daysPastDue: 0, arrearsBucket: 'current' });
    expect(loanStandingAsOf(late, '2025-01-05')).toBeNull();
    expect(loanStandingAsOf(initialLoanState(), '2025-01-05')).toBeNull();
  });

  it('once written off, nothing is outstanding nor past due, and the day is shown', () => {
    const writtenOff = fold([...events, { type: 'LoanWrittenOff', data: { loanId, clubId, writtenOffOn: '2025-04-30', principalVnd: 3_600_000, interestVnd: 90_000 } }]);
    expect(loanStandingAsOf(writtenOff, '2025-04-29')).toMatchObject({ status: 'disbursed', writtenOffOn: null, daysPastDue: 45 });
    expect(loanStandingAsOf(writtenOff, '2025-04-30')).toMatchObject({
      status: 'written_off',
      writtenOffOn: '2025-04-30',
      outstanding: { totalVnd: 0, principalVnd: 0, interestVnd: 0 },
      daysPastDue: 0,
      arrearsBucket: 'current',
    });
  });

  it('once repaid in full, every instalment is paid and the status is repaid from that day', () => {
    const repaid = fold([
      ...events.slice(0, 3),
      { type: 'LoanRepaymentReceived', data: { loanId, clubId, paidOn: '2025-02-10', amountVnd: 4_110_000, principalVnd: 4_000_000, interestVnd: 110_000 } },
      { type: 'LoanRepaid', data: { loanId, clubId, repaidOn: '2025-02-10' } },
    ]);
    expect(loanStandingAsOf(repaid, '2025-02-09')).toMatchObject({ status: 'disbursed', repaidOn: null });
    const standing = loanStandingAsOf(repaid, '2025-12-31')!;
    expect(standing).toMatchObject({ status: 'repaid', repaidOn: '2025-02-10', outstanding: { totalVnd: 0 }, paid: { totalVnd: 4_110_000 }, daysPastDue: 0 });
    expect(standing.schedule.every((i) => i.paid)).toBe(true);
  });
});
