import { isoDate } from '@ishc/platform';
import { z } from 'zod';
import { text } from '../loan-body';

/** `POST /loans/{id}/write-off` (API.md §Microfinance). */
export const writeOffLoanBody = z.object({ writtenOffOn: isoDate, reason: text(500) }).strict();

export type WriteOffLoanBody = z.output<typeof writeOffLoanBody>;
