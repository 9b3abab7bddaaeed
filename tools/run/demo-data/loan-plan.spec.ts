import { DemoLoan, isRunningOn, planLoans, plannedCashOn, principalRepaidBy, repaymentsOf, scheduledPrincipal } from './loan-plan';
import { SeededRandom } from './seeded-random';

const member = (joinedOn: string, leftOn?: string) => ({ joinedOn, ...(leftOn ? { leftOn } : {}) });
const behaviour = { lateDays: 12, paidBeforeStopping: 2 };

describe('the schedule the demo follows (ISHC.md §4)', () => {
  it('given 3,000,000 VND over 7 months disbursed on 31 January, then equal principal, the remainder last, due on the month end where the day is missing', () => {
    const schedule = scheduledPrincipal(3_000_000, 7, '2025-01-31');
    expect(schedule.map((i) => i.principalVnd)).toEqual([428_571, 428_571, 428_571, 428_571, 428_571, 428_571, 428_574]);
    expect(schedule.map((i) => i.dueOn)).toEqual(['2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30', '2025-07-31', '2025-08-31']);
  });
});

describe('a borrower repaying by habit', () => {
  const loan = (habit: DemoLoan['habit']) => ({ termMonths: 6, disbursedOn: '2025-07-15', habit });

  it('given one who pays on time, when the demo ends before the last instalment, then one payment per due day up to the end', () => {
    expect(repaymentsOf(loan('on_time'), behaviour, '2025-12-31').repayments).toEqual(
      ['2025-08-15', '2025-09-15', '2025-10-15', '2025-11-15', '2025-12-15'].map((paidOn) => ({ paidOn, instalments: 1 })),
    );
  });

  it('given one who pays late, then every payment the same days after its due day (none after the end)', () => {
    expect(repaymentsOf(loan('late'), behaviour, '2025-12-20').repayments.map((r) => r.paidOn)).toEqual(['2025-08-27', '2025-09-27', '2025-10-27', '2025-11-27']);
  });

  it('given one who defaults late in the year, then the first payments only, and the loan still overdue at the end', () => {
    expect(repaymentsOf(loan('defaulting'), behaviour, '2025-12-31')).toEqual({ repayments: [{ paidOn: '2025-08-15', instalments: 1 }, { paidOn: '2025-09-15', instalments: 1 }] });
  });

  it('given one who defaults early enough, then the loan is written off four months after the first instalment left unpaid', () => {
    const early = { termMonths: 6, disbursedOn: '2025-01-15', habit: 'defaulting' as const };
    expect(repaymentsOf(early, behaviour, '2025-12-31')).toEqual({ repayments: [{ paidOn: '2025-02-15', instalments: 1 }, { paidOn: '2025-03-15', instalments: 1 }], writtenOffOn: '2025-08-15' });
  });
});

describe('planning the rounds of a club', () => {
  const members = Array.from({ length: 30 }, () => member('2024-01-01'));
  const input = {
    members,
    contributions: [{ amountVnd: 20_000_000, receivedOn: '2024-02-01' }],
    roundDates: ['2024-07-15', '2025-01-15', '2025-07-15'],
    monthlyRatePct: '0.5',
    borrowersPerRound: 8,
    until: '2025-12-31',
  };

  it('given a fund, when the rounds lend, then its cash by the plan never falls below zero on any day of the plan', () => {
    const loans = planLoans(input, new SeededRandom(7));
    expect(loans.length).toBeGreaterThan(0);
    const days = new Set(loans.flatMap((l) => [l.disbursedOn, ...l.repayments.map((r) => r.paidOn)]));
    for (const day of days) expect(plannedCashOn(input.contributions, loans, day)).toBeGreaterThanOrEqual(0);
  });

  it('given a fund holding less than the smallest loan, when a round comes, then nobody borrows', () => {
    expect(planLoans({ ...input, contributions: [{ amountVnd: 1_500_000, receivedOn: '2024-02-01' }] }, new SeededRandom(7))).toEqual([]);
  });

  it('given members who joined after the application day or leave, then they do not borrow', () => {
    const some = [member('2025-01-10'), member('2024-01-01', '2025-09-01'), member('2024-01-01')];
    const loans = planLoans({ ...input, members: some, roundDates: ['2025-01-15'] }, new SeededRandom(3));
    expect(loans.map((l) => l.borrower)).toEqual([2]);
    expect(loans[0]).toMatchObject({ appliedOn: '2025-01-05', approvedOn: '2025-01-12', disbursedOn: '2025-01-15', monthlyRatePct: '0.5' });
  });

  it('given a borrower whose loan still runs on the next application day, then that round lends to others', () => {
    const loans = planLoans(input, new SeededRandom(11));
    for (const loan of loans) {
      const earlier = loans.filter((l) => l.borrower === loan.borrower && l.disbursedOn < loan.disbursedOn);
      expect(earlier.every((l) => !isRunningOn(l, loan.appliedOn))).toBe(true);
    }
  });

  it('given a next round, then a round lends for no longer than until it; the last round also for a year', () => {
    const loans = planLoans(input, new SeededRandom(5));
    expect(loans.filter((l) => l.disbursedOn < '2025-07-15').every((l) => l.termMonths === 6)).toBe(true);
    expect(loans.some((l) => l.disbursedOn === '2025-07-15' && l.termMonths === 12)).toBe(true);
  });

  it('given repayments, then the principal they return is that of the instalments they settle, by their days', () => {
    const loan: DemoLoan = {
      borrower: 0,
      principalVnd: 3_000_000,
      termMonths: 6,
      monthlyRatePct: '0',
      purpose: 'Nuôi gà, vịt',
      appliedOn: '2025-01-05',
      approvedOn: '2025-01-12',
      disbursedOn: '2025-01-15',
      habit: 'on_time',
      repayments: [{ paidOn: '2025-02-15', instalments: 1 }, { paidOn: '2025-04-15', instalments: 2 }],
    };
    expect(principalRepaidBy(loan, '2025-03-01')).toBe(500_000);
    expect(principalRepaidBy(loan, '2025-04-15')).toBe(1_500_000);
    expect(plannedCashOn([{ amountVnd: 5_000_000, receivedOn: '2024-12-01' }], [loan], '2025-04-15')).toBe(3_500_000);
  });
});
