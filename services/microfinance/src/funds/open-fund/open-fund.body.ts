import { FUND_KINDS } from '@ishc/contracts';
import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** `POST /clubs/{clubId}/funds` (API.md §Microfinance). */
export const openFundBody = z
  .object({
    kind: z.enum(FUND_KINDS, { message: `must be one of ${FUND_KINDS.join(', ')}` }),
    openedOn: isoDate,
  })
  .strict();

export type OpenFundBody = z.output<typeof openFundBody>;
