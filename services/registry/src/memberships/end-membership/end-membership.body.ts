import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** `POST /clubs/{id}/memberships/{memberId}/end` (API.md §Registry); path ids validated with the body. */
export const endMembershipBody = z
  .object({
    clubId: z.uuid({ message: 'must be a UUID' }),
    memberId: z.uuid({ message: 'must be a UUID' }),
    leftOn: isoDate,
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .strict();

export type EndMembershipBody = z.output<typeof endMembershipBody>;
