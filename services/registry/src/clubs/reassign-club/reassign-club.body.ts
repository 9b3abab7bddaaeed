import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** `POST /clubs/{id}/reassignment` (API.md §Registry); the path's club id is validated with the body. */
export const reassignClubBody = z
  .object({
    clubId: z.uuid({ message: 'must be a UUID' }),
    communeCode: z.string().trim().min(1).max(40),
    hamletCode: z.string().trim().min(1).max(40).nullable().optional(),
    effectiveOn: isoDate,
  })
  .strict();

export type ReassignClubBody = z.output<typeof reassignClubBody>;
