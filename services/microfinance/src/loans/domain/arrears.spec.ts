import fc from 'fast-check';
import { parseRatePct } from '../../shared/money';
import { LoanHistory, arrearsBucket, daysPastDue, isPar30, loanStandingOn, outstandingPrincipal, portfolioOn } from './arrears';
import { repaymentSchedule } from './repayment-schedule';

const schedule = repaymentSchedule({ principalVnd: 4_000_000, termMonths: 10, monthlyRate: parseRatePct('0.5')!, disbursedOn: '2025-01-15' });
const loan = (repayments: LoanHistory['repayments'] = [], writtenOffOn: string | null = null): LoanHistory => ({
  principalVnd: 4_000_000,
  disbursedOn: '2025-01-15',
  schedule,
  repayments,
  writtenOffOn,
});

describe('days past due and arrears', () => {
  it('is 0 before the first instalment falls due and on its due date', () => {
    expect(daysPastDue(loan(), '2025-01-10')).toBe(0);
    expect(daysPastDue(loan(), '2025-02-14')).toBe(0);
    expect(daysPastDue(loan(), '2025-02-15')).toBe(0);
  });

  it('counts days from the due date of the oldest instalment not fully paid', () => {
    expect(daysPastDue(loan(), '2025-02-16')).toBe(1);
    expect(daysPastDue(loan(), '2025-03-17')).toBe(30);
    expect(daysPastDue(loan(), '2025-03-18')).toBe(31);
    // a partial payment (interest only) leaves instalment 1 unpaid
    expect(daysPastDue(loan([{ paidOn: '2025-02-15', amountVnd: 20_000 }]), '2025-03-18')).toBe(31);
  });

  it('moves on to the next instalment once the oldest is paid, and ignores payments after the as-of date', () => {
    const late = loan([{ paidOn: '2025-03-01', amountVnd: 420_000 }]); // day 45 after disbursement
    expect(daysPastDue(late, '2025-02-28')).toBe(13);
    expect(daysPastDue(late, '2025-03-01')).toBe(0);
    expect(daysPastDue(late, '2025-04-20')).toBe(36);
  });

  it('is 0 once everything is paid and from the write-off on', () => {
    expect(daysPastDue(loan([{ paidOn: '2025-02-10', amountVnd: 4_110_000 }]), '2026-06-01')).toBe(0);
    expect(daysPastDue(loan([], '2025-06-30'), '2025-06-29')).toBe(134); // 28 + 31 + 30 + 31 + 14
    expect(daysPastDue(loan([], '2025-06-30'), '2025-06-30')).toBe(0);
  });

  it('puts days into buckets 1–30, 31–60, 61–90, >90', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 400].map(arrearsBucket)).toEqual(['current', '1-30', '1-30', '31-60', '31-60', '61-90', '61-90', '>90', '>90']);
  });

  it('gives the outstanding principal on a date: 0 before disbursement, less principal repaid, 0 after write-off', () => {
    const paying = loan([
      { paidOn: '2025-02-15', amountVnd: 420_000 },
      { paidOn: '2025-03-15', amountVnd: 418_000 },
    ]);
    expect(outstandingPrincipal(paying, '2025-01-14')).toBe(0);
    expect(outstandingPrincipal(paying, '2025-01-15')).toBe(4_000_000);
    expect(outstandingPrincipal(paying, '2025-02-15')).toBe(3_600_000);
    expect(outstandingPrincipal(paying, '2025-03-15')).toBe(3_200_000);
    expect(outstandingPrincipal(loan([{ paidOn: '2025-02-15', amountVnd: 20_000 }]), '2025-02-15')).toBe(4_000_000);
    expect(outstandingPrincipal(loan([], '2025-06-30'), '2025-06-30')).toBe(0);
  });

  it('counts a loan in PAR30 only past 30 days and only while principal is outstanding', () => {
    expect(isPar30(loan(), '2025-03-17')).toBe(false);
    expect(isPar30(loan(), '2025-03-18')).toBe(true);
    expect(isPar30(loan([], '2025-03-18'), '2025-03-18')).toBe(false);
    expect(loanStandingOn(loan(), '2025-05-20')).toEqual({ outstandingPrincipalVnd: 4_000_000, daysPastDue: 94, bucket: '>90', par30: true });
  });

  it('sums a portfolio: outstanding, PAR30 amount and percentage (null with nothing outstanding)', () => {
    const onTime = loan([{ paidOn: '2025-02-15', amountVnd: 420_000 }]);
    expect(portfolioOn([onTime, loan()], '2025-03-18')).toEqual({ outstandingVnd: 7_600_000, par30Vnd: 4_000_000, par30Pct: (100 * 4_000_000) / 7_600_000 });
    expect(portfolioOn([loan()], '2025-01-01')).toEqual({ outstandingVnd: 0, par30Vnd: 0, par30Pct: null });
  });

  it('property: outstanding principal stays within [0, principal] and never rises with time; days past due are never negative', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2025, 0, 15 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.integer({ min: 1, max: 600_000 })), { maxLength: 15 }), day, day, (raw, a, b) => {
        const sorted = raw.sort(([x], [y]) => x.localeCompare(y));
        let total = 0;
        const repayments = sorted.filter(([, amount]) => (total + amount <= 4_110_000 ? ((total += amount), true) : false)).map(([paidOn, amountVnd]) => ({ paidOn, amountVnd }));
        const history = loan(repayments);
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(outstandingPrincipal(history, late)).toBeLessThanOrEqual(outstandingPrincipal(history, early));
        for (const t of [early, late]) {
          expect(outstandingPrincipal(history, t)).toBeGreaterThanOrEqual(0);
          expect(outstandingPrincipal(history, t)).toBeLessThanOrEqual(4_000_000);
          expect(daysPastDue(history, t)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
