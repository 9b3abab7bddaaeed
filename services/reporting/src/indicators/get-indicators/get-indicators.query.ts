import { isoDate } from '@ishc/platform';
import { z } from 'zod';

const code = z.string().trim().min(1).max(60);

/** The parameters every report takes: orgUnit may be omitted when plan is given. */
export const reportQueryShape = z.object({
  orgUnit: code.max(40).optional(),
  asOf: isoDate.optional(),
  plan: code.optional(),
  consistentWith: z.union([z.string(), z.array(z.string())]).optional(),
});

/** Strict (unknown parameters are named), and orgUnit or plan required (checked even when other fields are bad, so every field is listed). */
export function reportQuery<S extends z.ZodRawShape>(extra: S) {
  return reportQueryShape
    .extend(extra)
    .strict()
    .refine(
      (value) => {
        const q = (value ?? {}) as { orgUnit?: string; plan?: string };
        return q.orgUnit !== undefined || q.plan !== undefined;
      },
      { path: ['orgUnit'], message: 'Required unless a plan is given', when: () => true },
    );
}

/** `GET /indicators?orgUnit=&asOf=&plan=&consistentWith=` (API.md §Reporting). */
export const getIndicatorsQuery = reportQuery({});
