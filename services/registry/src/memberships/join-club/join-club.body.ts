import { MEMBERSHIP_ROLES } from '@ishc/contracts';
import { isoDate } from '@ishc/platform';
import { z } from 'zod';

const role = z.enum(MEMBERSHIP_ROLES, { message: `must be one of ${MEMBERSHIP_ROLES.join(', ')}` });

/** `POST /clubs/{id}/memberships` (API.md §Registry); the path's club id is validated with the body. */
export const joinClubBody = z
  .object({
    clubId: z.uuid({ message: 'must be a UUID' }),
    memberId: z.uuid({ message: 'must be a UUID' }),
    joinedOn: isoDate,
    roles: z.array(role).max(10).optional(),
  })
  .strict();

export type JoinClubBody = z.output<typeof joinClubBody>;
