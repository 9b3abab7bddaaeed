import { z } from 'zod';
import { MAX_MONTHLY_RATE_PCT, MAX_TERM_MONTHS } from './domain/loan';
import { compareRates, parseRatePct } from '../shared/money';

// Field schemas the loan bodies share. Money is whole VND; the rate is read exactly from its decimal form.

export const vnd = z.number({ message: 'must be a whole number of VND' }).int('must be a whole number of VND').positive('must be more than 0').max(Number.MAX_SAFE_INTEGER);

export const termMonths = z
  .number({ message: `must be a whole number of months from 1 to ${MAX_TERM_MONTHS}` })
  .int(`must be a whole number of months from 1 to ${MAX_TERM_MONTHS}`)
  .min(1, `must be a whole number of months from 1 to ${MAX_TERM_MONTHS}`)
  .max(MAX_TERM_MONTHS, `must be a whole number of months from 1 to ${MAX_TERM_MONTHS}`);

const MAX_RATE = parseRatePct(MAX_MONTHLY_RATE_PCT);
const RATE_MESSAGE = `must be a decimal percentage per month from 0 to ${MAX_MONTHLY_RATE_PCT} (at most 6 decimals)`;

/** Percent per month as a JSON number or a decimal string ("0.5"). */
export const monthlyRatePct = z.union([z.number(), z.string()], { message: RATE_MESSAGE }).refine(
  (value) => {
    const rate = parseRatePct(value);
    return rate !== null && MAX_RATE !== null && compareRates(rate, MAX_RATE) <= 0;
  },
  { message: RATE_MESSAGE },
);

/** Free text: required, trimmed, bounded. */
export const text = (max: number) => z.string({ message: 'must be a text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
