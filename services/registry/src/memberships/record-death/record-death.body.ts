import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** `POST /members/{id}/death` (API.md §Registry); the path's member id is validated with the body. */
export const recordDeathBody = z
  .object({
    memberId: z.uuid({ message: 'must be a UUID' }),
    diedOn: isoDate,
  })
  .strict();

export type RecordDeathBody = z.output<typeof recordDeathBody>;
