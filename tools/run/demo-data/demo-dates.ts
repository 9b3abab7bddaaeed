// The demo's calendar: the dates it is written around, and the date arithmetic its plans need (UTC, ISO).

/** The district's last day before the 1 July 2025 reform: the dashboard link opens on it. */
export const DEMO_AS_OF = '2025-06-30';
/**
 * The demo's last day: the Trà Cú plan's end and the scorecard's as-of date. Activities, loans and their
 * repayments run to it, so that the trailing 12 months of the scorecard hold a year of club life.
 */
export const DEMO_END = '2025-12-31';

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `months` calendar months later, on the same day or the month's last day (microfinance's rule for due dates). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** The calendar months from `first` to `last` (both `YYYY-MM`, included). */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(`${month}-01`, 1).slice(0, 7)) months.push(month);
  return months;
}
