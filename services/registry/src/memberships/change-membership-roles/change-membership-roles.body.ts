import { MEMBERSHIP_ROLES } from '@ishc/contracts';
import { isoDate } from '@ishc/platform';
import { z } from 'zod';

const role = z.enum(MEMBERSHIP_ROLES, { message: `must be one of ${MEMBERSHIP_ROLES.join(', ')}` });

/** `PUT /clubs/{id}/memberships/{memberId}/roles` (API.md §Registry); path ids validated with the body. */
export const changeMembershipRolesBody = z
  .object({
    clubId: z.uuid({ message: 'must be a UUID' }),
    memberId: z.uuid({ message: 'must be a UUID' }),
    roles: z.array(role).min(1).max(10),
    effectiveOn: isoDate,
  })
  .strict();

export type ChangeMembershipRolesBody = z.output<typeof changeMembershipRolesBody>;
