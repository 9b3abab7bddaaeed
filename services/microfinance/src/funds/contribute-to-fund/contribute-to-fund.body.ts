import { FUND_SOURCES } from '@ishc/contracts';
import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** `POST /clubs/{clubId}/funds/{kind}/contributions` (API.md §Microfinance). Money is whole VND. */
export const contributeToFundBody = z
  .object({
    amountVnd: z.number({ message: 'must be a whole number of VND' }).int('must be a whole number of VND').positive('must be more than 0').max(Number.MAX_SAFE_INTEGER),
    source: z.enum(FUND_SOURCES, { message: `must be one of ${FUND_SOURCES.join(', ')}` }),
    receivedOn: isoDate,
  })
  .strict();

export type ContributeToFundBody = z.output<typeof contributeToFundBody>;
