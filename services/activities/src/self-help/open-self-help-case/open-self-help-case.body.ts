import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** `POST /self-help-cases` (API.md §Activities): money is integer VND. */
export const openSelfHelpCaseBody = z
  .object({
    clubId: z.uuid({ message: 'must be a UUID' }),
    beneficiaryId: z.uuid({ message: 'must be a UUID' }).optional(),
    openedOn: isoDate,
    kind: z.string({ message: 'must be a string' }).trim().min(1, { message: 'must not be empty' }).max(200, { message: 'must be at most 200 characters' }),
    valueVnd: z
      .number({ message: 'must be a whole number of VND' })
      .int({ message: 'must be a whole number of VND' })
      .min(0, { message: 'must not be negative' })
      .max(Number.MAX_SAFE_INTEGER, { message: 'is too large' })
      .optional(),
  })
  .strict();

export type OpenSelfHelpCaseBody = z.output<typeof openSelfHelpCaseBody>;
