import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** `POST /clubs/{id}/dissolution` (API.md §Registry); the path's club id is validated with the body. */
export const dissolveClubBody = z
  .object({
    clubId: z.uuid({ message: 'must be a UUID' }),
    dissolvedOn: isoDate,
    reason: z.string().trim().min(1).max(500).nullable().optional(),
  })
  .strict();

export type DissolveClubBody = z.output<typeof dissolveClubBody>;
