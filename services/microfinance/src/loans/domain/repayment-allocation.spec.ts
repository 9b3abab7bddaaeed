import fc from 'fast-check';
import { parseRatePct } from '../../shared/money';
import { RuleViolation } from '@ishc/domain-kit';
import { allocateRepayment, paidSplit, settlementOf } from './repayment-allocation';
import { repaymentSchedule, totalScheduled } from './repayment-schedule';

const schedule = repaymentSchedule({ principalVnd: 4_000_000, termMonths: 10, monthlyRate: parseRatePct('0.5')!, disbursedOn: '2025-01-15' });

describe('allocating a repayment', () => {
  it('settles the oldest instalment first, interest before principal', () => {
    expect(allocateRepayment(schedule, 0, 420_000)).toEqual({
      principalVnd: 400_000,
      interestVnd: 20_000,
      lines: [{ number: 1, interestVnd: 20_000, principalVnd: 400_000 }],
      settlesLoan: false,
    });
  });

  it('pays interest before principal within a partial payment', () => {
    expect(allocateRepayment(schedule, 0, 15_000)).toMatchObject({ principalVnd: 0, interestVnd: 15_000 });
    expect(allocateRepayment(schedule, 15_000, 105_000)).toMatchObject({ principalVnd: 100_000, interestVnd: 5_000 });
  });

  it('spills over into the next instalment, again interest first', () => {
    // 500,000 = #1 (20,000 + 400,000) + #2 interest 18,000 + 62,000 of #2 principal
    expect(allocateRepayment(schedule, 0, 500_000)).toEqual({
      principalVnd: 462_000,
      interestVnd: 38_000,
      lines: [
        { number: 1, interestVnd: 20_000, principalVnd: 400_000 },
        { number: 2, interestVnd: 18_000, principalVnd: 62_000 },
      ],
      settlesLoan: false,
    });
  });

  it('settles the loan with exactly what is owed', () => {
    expect(allocateRepayment(schedule, 420_000, 3_690_000)).toMatchObject({ principalVnd: 3_600_000, interestVnd: 90_000, settlesLoan: true });
  });

  it('refuses an overpayment beyond what is owed in total, as a conflict', () => {
    const refused = (paidBefore: number, amount: number) => {
      try {
        allocateRepayment(schedule, paidBefore, amount);
      } catch (error) {
        return error instanceof RuleViolation && error.kind === 'conflict' && error.field === 'amountVnd';
      }
      return false;
    };
    expect(refused(0, 4_110_001)).toBe(true);
    expect(refused(4_110_000, 1)).toBe(true);
  });

  it('refuses an amount that is not a positive integer as invalid', () => {
    for (const amount of [0, -5, 10.5, Number.NaN]) expect(() => allocateRepayment(schedule, 0, amount)).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });

  it('knows which instalments a cumulative amount settles', () => {
    const settlements = settlementOf(schedule, 838_000 + 10_000);
    expect(settlements.slice(0, 3)).toEqual([
      { number: 1, interestPaidVnd: 20_000, principalPaidVnd: 400_000, settled: true },
      { number: 2, interestPaidVnd: 18_000, principalPaidVnd: 400_000, settled: true },
      { number: 3, interestPaidVnd: 10_000, principalPaidVnd: 0, settled: false },
    ]);
  });

  it('property: any sequence of payments conserves money and never allocates beyond the schedule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.integer({ min: 1, max: 36 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 40 }),
        (principalVnd, termMonths, units, payments) => {
          const plan = repaymentSchedule({ principalVnd, termMonths, monthlyRate: { units: BigInt(units) }, disbursedOn: '2025-01-31' });
          const owed = totalScheduled(plan);
          let paid = 0;
          let principalPaid = 0;
          let interestPaid = 0;
          for (const amount of payments) {
            if (amount > owed.totalVnd - paid) {
              expect(() => allocateRepayment(plan, paid, amount)).toThrow(RuleViolation);
              continue;
            }
            const allocation = allocateRepayment(plan, paid, amount);
            expect(allocation.principalVnd + allocation.interestVnd).toBe(amount);
            expect(allocation.lines.reduce((s, l) => s + l.principalVnd + l.interestVnd, 0)).toBe(amount);
            expect(allocation.principalVnd).toBeGreaterThanOrEqual(0);
            expect(allocation.interestVnd).toBeGreaterThanOrEqual(0);
            paid += amount;
            principalPaid += allocation.principalVnd;
            interestPaid += allocation.interestVnd;
            expect(allocation.settlesLoan).toBe(paid === owed.totalVnd);
          }
          expect(paidSplit(plan, paid)).toEqual({ principalVnd: principalPaid, interestVnd: interestPaid });
          expect(principalPaid).toBeLessThanOrEqual(owed.principalVnd);
          expect(interestPaid).toBeLessThanOrEqual(owed.interestVnd);
          // oldest first: every settled instalment precedes every unsettled one
          const settled = settlementOf(plan, paid).map((s) => s.settled);
          expect(settled.indexOf(false) === -1 || !settled.slice(settled.indexOf(false)).includes(true)).toBe(true);
        },
      ),
    );
  });
});
