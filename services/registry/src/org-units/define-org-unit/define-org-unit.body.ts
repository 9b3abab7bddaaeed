import { ORG_UNIT_LEVELS } from '@ishc/contracts';
import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** `PUT /org-units/{code}` (API.md §Registry). */
export const defineOrgUnitBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    level: z.enum(ORG_UNIT_LEVELS),
    parentCode: z.string().trim().min(1).max(40).nullable(),
    validFrom: isoDate,
    validTo: isoDate.nullable().optional(),
    attributes: z.object({ ethnicMinorityArea: z.boolean().optional(), especiallyDifficult: z.boolean().optional() }).strict().optional(),
  })
  .strict();

export const orgUnitCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'letters, digits, - and _ (at most 40)');

export type DefineOrgUnitBody = z.output<typeof defineOrgUnitBody>;
