import { isoDate } from '@ishc/platform';
import { z } from 'zod';
import { ISHC_INDICATOR_CODES } from '../../indicators/domain/indicator-catalogue';
import { TARGET_OPS } from '../domain/target';

const range = (max: number) =>
  z
    .object({ min: z.number().min(0).max(max), max: z.number().min(0).max(max) })
    .strict();

const count = z.number().int().min(0).max(1000);

/** `PUT /plans/{code}` (API.md §Reporting), plus the plan's own settings of what ISHC.md calls configurable. */
export const definePlanBody = z
  .object({
    name: z.string().trim().min(1).max(300),
    orgUnitCode: z.string().trim().min(1).max(40),
    start: isoDate,
    end: isoDate,
    elderlyAge: z.number().int().min(40).max(100).nullable().optional(),
    targets: z
      .array(
        z
          .object({
            indicator: z.enum(ISHC_INDICATOR_CODES, { message: 'Expected an indicator code of GET /indicator-definitions (ISHC.md §6)' }),
            op: z.enum(TARGET_OPS, { message: `Expected one of ${TARGET_OPS.join(' ')}` }),
            value: z.number().finite(),
          })
          .strict(),
      )
      .max(100),
    settings: z
      .object({
        composition: z
          .object({ members: range(10_000).optional(), womenPct: range(100).optional(), olderPct: range(100).optional(), youngPct: range(100).optional() })
          .strict()
          .optional(),
        trailingWindowMonths: z.number().int().min(1).max(120).optional(),
        wellManaged: z
          .object({
            meetingsHeld: z.number().int().min(0).max(120).optional(),
            ofMonths: z.number().int().min(1).max(120).optional(),
            bothFunds: z.boolean().optional(),
            homeCareVolunteers: count.optional(),
            livelihoodVolunteers: count.optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const planCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/, 'letters, digits, ., - and _ (at most 60)');

export type DefinePlanBody = z.output<typeof definePlanBody>;
