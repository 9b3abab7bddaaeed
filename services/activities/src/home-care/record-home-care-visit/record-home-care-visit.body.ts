import { isoDate } from '@ishc/platform';
import { z } from 'zod';

const uuid = z.uuid({ message: 'must be a UUID' });

/** `POST /home-care-visits` (API.md §Activities). */
export const recordHomeCareVisitBody = z
  .object({
    clubId: uuid,
    volunteerId: uuid,
    beneficiaryId: uuid,
    visitedOn: isoDate,
    services: z
      .array(z.string({ message: 'must be a string' }).trim().min(1, { message: 'must not be empty' }).max(200, { message: 'must be at most 200 characters' }), {
        message: 'must be an array of strings',
      })
      .max(20, { message: 'must list at most 20 services' })
      .default([]),
  })
  .strict();

export type RecordHomeCareVisitBody = z.output<typeof recordHomeCareVisitBody>;
