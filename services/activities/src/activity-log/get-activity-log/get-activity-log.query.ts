import { z } from 'zod';

/** `GET /clubs/{clubId}/activity-log?month=YYYY-MM`. */
export const getActivityLogQuery = z
  .object({
    month: z
      .string({ message: 'required, a calendar month YYYY-MM' })
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a calendar month YYYY-MM' }),
  })
  .strict();
