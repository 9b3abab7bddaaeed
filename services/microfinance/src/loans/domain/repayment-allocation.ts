import { RuleViolation } from '@ishc/domain-kit';
import { Instalment, totalScheduled } from './repayment-schedule';

/** How much of one instalment is settled. */
export interface InstalmentSettlement {
  number: number;
  interestPaidVnd: number;
  principalPaidVnd: number;
  /** Interest and principal both settled. */
  settled: boolean;
}

/**
 * Payments settle the oldest instalment first, interest before principal. Because that order is fixed, the
 * cumulative amount paid alone tells how far each instalment is settled.
 */
export function settlementOf(schedule: readonly Instalment[], paidVnd: number): InstalmentSettlement[] {
  let left = paidVnd;
  return schedule.map((instalment) => {
    const interestPaidVnd = Math.min(left, instalment.interestVnd);
    left -= interestPaidVnd;
    const principalPaidVnd = Math.min(left, instalment.principalVnd);
    left -= principalPaidVnd;
    return {
      number: instalment.number,
      interestPaidVnd,
      principalPaidVnd,
      settled: interestPaidVnd === instalment.interestVnd && principalPaidVnd === instalment.principalVnd,
    };
  });
}

/** Principal and interest settled by a cumulative amount paid. */
export function paidSplit(schedule: readonly Instalment[], paidVnd: number): { principalVnd: number; interestVnd: number } {
  return settlementOf(schedule, paidVnd).reduce(
    (sum, s) => ({ principalVnd: sum.principalVnd + s.principalPaidVnd, interestVnd: sum.interestVnd + s.interestPaidVnd }),
    { principalVnd: 0, interestVnd: 0 },
  );
}

export interface Allocation {
  principalVnd: number;
  interestVnd: number;
  /** Per instalment touched by this payment, oldest first. */
  lines: { number: number; interestVnd: number; principalVnd: number }[];
  /** Nothing is owed after this payment. */
  settlesLoan: boolean;
}

/**
 * Splits a payment of `amountVnd` made after `paidBeforeVnd` was already paid. Refuses (conflict → 409)
 * a payment beyond what is still owed in total; an amount that is not a positive integer is invalid.
 */
export function allocateRepayment(schedule: readonly Instalment[], paidBeforeVnd: number, amountVnd: number): Allocation {
  if (!Number.isSafeInteger(amountVnd) || amountVnd <= 0) throw new RuleViolation('invalid', 'amountVnd', 'must be a positive whole number of VND');
  const owedVnd = totalScheduled(schedule).totalVnd - paidBeforeVnd;
  if (amountVnd > owedVnd) throw new RuleViolation('conflict', 'amountVnd', `${amountVnd} VND exceeds the ${owedVnd} VND still owed`);
  const before = settlementOf(schedule, paidBeforeVnd);
  const after = settlementOf(schedule, paidBeforeVnd + amountVnd);
  const lines = after
    .map((s, index) => ({
      number: s.number,
      interestVnd: s.interestPaidVnd - before[index].interestPaidVnd,
      principalVnd: s.principalPaidVnd - before[index].principalPaidVnd,
    }))
    .filter((line) => line.interestVnd > 0 || line.principalVnd > 0);
  return {
    principalVnd: lines.reduce((sum, l) => sum + l.principalVnd, 0),
    interestVnd: lines.reduce((sum, l) => sum + l.interestVnd, 0),
    lines,
    settlesLoan: amountVnd === owedVnd,
  };
}
