import { IsoDate } from '@ishc/contracts';
import { PlanParameters } from './plan-parameters';

/**
 * ISHC.md §6, "the trailing window W = the 12 months ending on T": the days after the same date `months`
 * months before T, through T (`[T − months + 1 day, T]`; T = 2025-12-31 gives 2025-01-01 … 2025-12-31).
 * A day missing from the earlier month (29–31) is its last day: T = 2024-02-29 gives 2023-03-01.
 */
export function trailingWindow(asOf: IsoDate, months: number): { start: IsoDate; end: IsoDate } {
  const [y, m, d] = asOf.split('-').map(Number);
  const monthIndex = y * 12 + (m - 1) - months;
  const [year, month] = [Math.floor(monthIndex / 12), (monthIndex % 12) + 1];
  const day = Math.min(d, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const start = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return { start, end: asOf };
}

/** The `count` calendar months ending with T's month, latest first (`YYYY-MM`). */
export function monthsEndingWith(asOf: IsoDate, count: number): string[] {
  const [y, m] = asOf.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * The window a loan must be disbursed within to count in members_with_loan_pct: `[P.start, T]` with a
 * plan; without one, the trailing window W (the 12 months ending on T by default).
 */
export function loanWindow(asOf: IsoDate, params: Pick<PlanParameters, 'period' | 'trailingWindowMonths'>): { start: IsoDate; end: IsoDate } {
  return { start: params.period?.start ?? trailingWindow(asOf, params.trailingWindowMonths).start, end: asOf };
}
