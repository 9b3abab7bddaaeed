import { ACTIVITY_AREAS } from '@ishc/contracts';
import { z } from 'zod';

/** One of the 8 activity areas (ISHC.md §4). */
export const activityArea = z.enum(ACTIVITY_AREAS, { message: `must be one of ${ACTIVITY_AREAS.join(', ')}` });

/** Member ids of a meeting or session: at least one, each a UUID, each once (a repeat names its index). */
export const memberIds = z
  .array(z.uuid({ message: 'must be a UUID' }), { message: 'must be an array of member ids' })
  .min(1, { message: 'must name at least one member' })
  .max(1000, { message: 'must name at most 1000 members' })
  .superRefine((ids, ctx) => {
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `repeats ${id}` });
    });
  });
