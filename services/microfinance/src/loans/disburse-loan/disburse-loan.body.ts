import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** `POST /loans/{id}/disbursement` (API.md §Microfinance). */
export const disburseLoanBody = z.object({ disbursedOn: isoDate }).strict();

export type DisburseLoanBody = z.output<typeof disburseLoanBody>;
