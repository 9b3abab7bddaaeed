import { isoDate } from '@ishc/platform';
import { z } from 'zod';
import { vnd } from '../loan-body';

/** `POST /loans/{id}/repayments` (API.md §Microfinance). */
export const recordRepaymentBody = z.object({ amountVnd: vnd, paidOn: isoDate }).strict();

export type RecordRepaymentBody = z.output<typeof recordRepaymentBody>;
