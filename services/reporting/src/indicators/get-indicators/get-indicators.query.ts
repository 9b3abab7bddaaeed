import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** `GET /indicators?orgUnit=&asOf=&plan=&consistentWith=` (API.md §Reporting). */
export const getIndicatorsQuery = z
  .object({
    orgUnit: z.string().trim().min(1, 'required (until plans exist, the unit must be named)').max(40),
    asOf: isoDate.optional(),
    plan: z.string().trim().min(1).max(60).optional(),
    consistentWith: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict();
