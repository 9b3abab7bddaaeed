import { isoDate } from '@ishc/platform';
import { z } from 'zod';
import { monthlyRatePct, termMonths, text, vnd } from '../loan-body';

/** `POST /loans` (API.md §Microfinance). */
export const applyForLoanBody = z
  .object({
    clubId: z.uuid({ message: 'must be a UUID' }),
    memberId: z.uuid({ message: 'must be a UUID' }),
    principalVnd: vnd,
    termMonths,
    monthlyRatePct,
    purpose: text(500),
    appliedOn: isoDate,
  })
  .strict();

export type ApplyForLoanBody = z.output<typeof applyForLoanBody>;
