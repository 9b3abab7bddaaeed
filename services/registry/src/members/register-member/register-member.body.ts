import { DISADVANTAGED_CATEGORIES, SEXES } from '@ishc/contracts';
import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** Vietnamese phone numbers: 0 or +84 then 9–10 digits; spaces, dots and dashes are dropped. */
export const phoneNumber = z
  .string()
  .transform((s) => s.replace(/[\s.-]/g, ''))
  .refine((s) => /^(?:0|\+84)\d{9,10}$/.test(s), { message: 'must be a Vietnamese phone number (0… or +84…, 10–11 digits)' });

/** A citizen ID card (CCCD, 12 digits) or an old ID card (CMND, 9 digits). */
export const nationalId = z
  .string()
  .trim()
  .refine((s) => /^(?:\d{9}|\d{12})$/.test(s), { message: 'must be 12 digits (CCCD) or 9 digits (CMND)' });

/** `POST /members` (API.md §Registry). Exactly one of birthDate and birthYear: a domain rule (member.ts). */
export const registerMemberBody = z
  .object({
    fullName: z.string().trim().min(1).max(200),
    sex: z.enum(SEXES, { message: 'must be F or M' }),
    birthDate: isoDate.optional(),
    birthYear: z.number().int().min(1800).max(9999).optional(),
    ethnicity: z.string().trim().min(1).max(100).optional(),
    ethnicMinority: z.boolean().optional(),
    disadvantaged: z.array(z.enum(DISADVANTAGED_CATEGORIES, { message: `must be one of ${DISADVANTAGED_CATEGORIES.join(', ')}` })).max(20).optional(),
    communeCode: z.string().trim().min(1).max(40),
    phone: phoneNumber.optional(),
    nationalId: nationalId.optional(),
  })
  .strict();

export type RegisterMemberBody = z.output<typeof registerMemberBody>;
