import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** `POST /loans/{id}/approval` (API.md §Microfinance). */
export const approveLoanBody = z.object({ approvedOn: isoDate }).strict();

export type ApproveLoanBody = z.output<typeof approveLoanBody>;
