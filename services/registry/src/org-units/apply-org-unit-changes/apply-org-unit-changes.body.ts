import { ORG_UNIT_LEVELS, SUCCESSION_KINDS } from '@ishc/contracts';
import { isoDate } from '@ishc/platform';
import { z } from 'zod';
import { orgUnitCode } from '../define-org-unit/define-org-unit.body';

const code = z.string().trim().min(1).max(40);

/** `POST /org-unit-changes` (API.md §Registry): one reform. */
export const applyOrgUnitChangesBody = z
  .object({
    effectiveOn: isoDate,
    retire: z.array(code).max(5000).optional(),
    create: z
      .array(
        z
          .object({
            code: orgUnitCode,
            name: z.string().trim().min(1).max(200),
            level: z.enum(ORG_UNIT_LEVELS),
            parentCode: code.nullable(),
            validTo: isoDate.nullable().optional(),
            attributes: z.object({ ethnicMinorityArea: z.boolean().optional(), especiallyDifficult: z.boolean().optional() }).strict().optional(),
          })
          .strict(),
      )
      .max(5000)
      .optional(),
    reparent: z.array(z.object({ code, parentCode: code }).strict()).max(5000).optional(),
    successions: z.array(z.object({ from: code, to: code, kind: z.enum(SUCCESSION_KINDS) }).strict()).max(5000).optional(),
  })
  .strict();

export type ApplyOrgUnitChangesBody = z.output<typeof applyOrgUnitChangesBody>;
