import fc from 'fast-check';
import { parseRatePct } from '../../shared/money';
import { repaymentSchedule, totalScheduled } from './repayment-schedule';

const rate = (pct: string) => parseRatePct(pct)!;

describe('the repayment schedule', () => {
  it('4,000,000 VND over 10 months at 0.5 %/month, written out by hand', () => {
    const schedule = repaymentSchedule({ principalVnd: 4_000_000, termMonths: 10, monthlyRate: rate('0.5'), disbursedOn: '2025-01-15' });
    expect(schedule).toEqual([
      { number: 1, dueOn: '2025-02-15', principalVnd: 400_000, interestVnd: 20_000 }, // 0.5 % of 4,000,000
      { number: 2, dueOn: '2025-03-15', principalVnd: 400_000, interestVnd: 18_000 }, // 0.5 % of 3,600,000
      { number: 3, dueOn: '2025-04-15', principalVnd: 400_000, interestVnd: 16_000 },
      { number: 4, dueOn: '2025-05-15', principalVnd: 400_000, interestVnd: 14_000 },
      { number: 5, dueOn: '2025-06-15', principalVnd: 400_000, interestVnd: 12_000 },
      { number: 6, dueOn: '2025-07-15', principalVnd: 400_000, interestVnd: 10_000 },
      { number: 7, dueOn: '2025-08-15', principalVnd: 400_000, interestVnd: 8_000 },
      { number: 8, dueOn: '2025-09-15', principalVnd: 400_000, interestVnd: 6_000 },
      { number: 9, dueOn: '2025-10-15', principalVnd: 400_000, interestVnd: 4_000 },
      { number: 10, dueOn: '2025-11-15', principalVnd: 400_000, interestVnd: 2_000 }, // 0.5 % of 400,000
    ]);
    expect(totalScheduled(schedule)).toEqual({ principalVnd: 4_000_000, interestVnd: 110_000, totalVnd: 4_110_000 });
  });

  it('falls due on the month end when the disbursement day does not exist in that month', () => {
    const dues = repaymentSchedule({ principalVnd: 1_000_000, termMonths: 4, monthlyRate: rate('0'), disbursedOn: '2024-01-31' }).map((i) => i.dueOn);
    expect(dues).toEqual(['2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
  });

  it('gives the remainder of the principal to the last instalment and rounds interest half up', () => {
    const schedule = repaymentSchedule({ principalVnd: 1_000_001, termMonths: 3, monthlyRate: rate('0.75'), disbursedOn: '2025-05-20' });
    expect(schedule.map((i) => i.principalVnd)).toEqual([333_333, 333_333, 333_335]);
    // 0.75 % of 1,000,001 = 7,500.0075 → 7,500; of 666,668 = 5,000.01 → 5,000; of 333,335 = 2,500.0125 → 2,500
    expect(schedule.map((i) => i.interestVnd)).toEqual([7_500, 5_000, 2_500]);
    const halves = repaymentSchedule({ principalVnd: 300, termMonths: 2, monthlyRate: rate('0.5'), disbursedOn: '2025-05-20' });
    expect(halves.map((i) => i.interestVnd)).toEqual([2, 1]); // 1.5 → 2, 0.75 → 1
  });

  it('charges no interest at a 0 % rate', () => {
    expect(totalScheduled(repaymentSchedule({ principalVnd: 5_000_000, termMonths: 12, monthlyRate: rate('0'), disbursedOn: '2025-01-01' })).interestVnd).toBe(0);
  });

  it('refuses terms that are not positive integers', () => {
    expect(() => repaymentSchedule({ principalVnd: 1_000, termMonths: 0, monthlyRate: rate('1'), disbursedOn: '2025-01-01' })).toThrow(RangeError);
    expect(() => repaymentSchedule({ principalVnd: 10.5, termMonths: 1, monthlyRate: rate('1'), disbursedOn: '2025-01-01' })).toThrow(RangeError);
  });

  it('property: instalments sum to the principal, never go negative, fall due monthly in order, and interest follows the balance', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom('2024-01-31', '2024-02-29', '2025-01-15', '2025-08-30', '2025-12-31'),
        (principalVnd, termMonths, units, disbursedOn) => {
          const schedule = repaymentSchedule({ principalVnd, termMonths, monthlyRate: { units: BigInt(units) }, disbursedOn });
          expect(schedule).toHaveLength(termMonths);
          expect(schedule.reduce((s, i) => s + i.principalVnd, 0)).toBe(principalVnd);
          let balance = principalVnd;
          let previousDue: string = disbursedOn;
          for (const instalment of schedule) {
            expect(instalment.principalVnd).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(instalment.interestVnd) && instalment.interestVnd >= 0).toBe(true);
            expect(instalment.dueOn > previousDue).toBe(true);
            // |interest − balance × rate| ≤ ½, computed exactly
            const exact = BigInt(balance) * BigInt(units);
            expect(BigInt(instalment.interestVnd) * 200_000_000n - exact * 2n <= 100_000_000n).toBe(true);
            expect(exact * 2n - BigInt(instalment.interestVnd) * 200_000_000n < 100_000_000n).toBe(true);
            balance -= instalment.principalVnd;
            expect(balance).toBeGreaterThanOrEqual(0);
            previousDue = instalment.dueOn;
          }
          expect(balance).toBe(0);
        },
      ),
    );
  });
});
