import { IsoDate, ScheduledInstalmentV1 } from '@ishc/contracts';
import { addMonths } from '../../shared/iso-date';
import { ExactRatePct, applyRate } from '../../shared/money';

export type Instalment = ScheduledInstalmentV1;

export interface ScheduleTerms {
  principalVnd: number;
  termMonths: number;
  monthlyRate: ExactRatePct;
  disbursedOn: IsoDate;
}

/**
 * The default schedule (ISHC.md §4): equal instalments of principal plus interest on the declining balance.
 * Instalment i falls due i calendar months after disbursement (same day, or the month's last day); its
 * principal is ⌊principal / term⌋ and the last takes the remainder; its interest is the monthly rate × the
 * scheduled balance before it, rounded half up to whole VND.
 */
export function repaymentSchedule(terms: ScheduleTerms): Instalment[] {
  const { principalVnd, termMonths, monthlyRate, disbursedOn } = terms;
  if (!Number.isSafeInteger(principalVnd) || principalVnd <= 0) throw new RangeError(`principal must be a positive integer: ${principalVnd}`);
  if (!Number.isInteger(termMonths) || termMonths < 1) throw new RangeError(`term must be a positive integer: ${termMonths}`);
  const regular = Math.floor(principalVnd / termMonths);
  const schedule: Instalment[] = [];
  let balance = principalVnd;
  for (let number = 1; number <= termMonths; number++) {
    const principal = number === termMonths ? balance : regular;
    schedule.push({ number, dueOn: addMonths(disbursedOn, number), principalVnd: principal, interestVnd: applyRate(balance, monthlyRate) });
    balance -= principal;
  }
  return schedule;
}

/** What the schedule asks in all: principal + interest. */
export function totalScheduled(schedule: readonly Instalment[]): { principalVnd: number; interestVnd: number; totalVnd: number } {
  const principalVnd = schedule.reduce((sum, i) => sum + i.principalVnd, 0);
  const interestVnd = schedule.reduce((sum, i) => sum + i.interestVnd, 0);
  return { principalVnd, interestVnd, totalVnd: principalVnd + interestVnd };
}
