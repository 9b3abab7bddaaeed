import { z } from 'zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (so 2023-02-29 is not one). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A date field of the API: `YYYY-MM-DD`, a real calendar date, kept as the string. */
export const isoDate = z.string({ message: 'Expected a date (YYYY-MM-DD)' }).refine(isIsoDate, {
  message: 'Expected a real date as YYYY-MM-DD',
});

