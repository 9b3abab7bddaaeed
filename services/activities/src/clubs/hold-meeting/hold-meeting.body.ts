import { isoDate } from '@ishc/platform';
import { z } from 'zod';
import { activityArea, memberIds } from '../member-ids';

/** `POST /clubs/{clubId}/meetings` (API.md §Activities). */
export const holdMeetingBody = z
  .object({
    heldOn: isoDate,
    attendeeIds: memberIds,
    areas: z
      .array(activityArea, { message: 'must be an array of activity areas' })
      .refine((areas) => new Set(areas).size === areas.length, { message: 'must not repeat an area' })
      .default([]),
    topics: z
      .array(z.string().trim().min(1, { message: 'must not be empty' }).max(500, { message: 'must be at most 500 characters' }), { message: 'must be an array of strings' })
      .max(50, { message: 'must have at most 50 topics' })
      .default([]),
    extra: z.boolean({ message: 'must be a boolean' }).default(false),
  })
  .strict();

export type HoldMeetingBody = z.output<typeof holdMeetingBody>;
