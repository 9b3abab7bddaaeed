// Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so that no time zone moves a date.
import { IsoDate } from '../api/types';

export function isoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function today(): IsoDate {
  const now = new Date();
  return isoDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function isIsoDate(text: string | null | undefined): text is IsoDate {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && isoDate(date) === text;
}

/** The last day of the month `monthsBack` months before `asOf`'s month. */
export function monthEnd(asOf: IsoDate, monthsBack: number): IsoDate {
  const [year, month] = asOf.split('-').map(Number);
  return isoDate(new Date(Date.UTC(year, month - monthsBack, 0)));
}

/**
 * The dates of a monthly series of `count` points ending on `asOf`: the ends of the `count − 1` months
 * before `asOf`'s month, then `asOf` itself (which may be mid-month), oldest first.
 */
export function monthlyDates(asOf: IsoDate, count = 12): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let back = count - 1; back >= 1; back--) dates.push(monthEnd(asOf, back));
  dates.push(asOf);
  return dates;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}
