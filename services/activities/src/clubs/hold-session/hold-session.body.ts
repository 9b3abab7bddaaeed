import { isoDate } from '@ishc/platform';
import { z } from 'zod';
import { activityArea, memberIds } from '../member-ids';

/** `POST /clubs/{clubId}/sessions` (API.md §Activities). */
export const holdSessionBody = z
  .object({
    area: activityArea,
    heldOn: isoDate,
    participantIds: memberIds,
    title: z.string({ message: 'must be a string' }).trim().min(1, { message: 'must not be empty' }).max(200, { message: 'must be at most 200 characters' }).optional(),
  })
  .strict();

export type HoldSessionBody = z.output<typeof holdSessionBody>;
