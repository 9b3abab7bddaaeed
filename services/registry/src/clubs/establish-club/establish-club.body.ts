import { isoDate } from '@ishc/platform';
import { z } from 'zod';

/** `POST /clubs` (API.md §Registry). */
export const establishClubBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    communeCode: z.string().trim().min(1).max(40),
    hamletCode: z.string().trim().min(1).max(40).nullable().optional(),
    establishedOn: isoDate,
  })
  .strict();

export type EstablishClubBody = z.output<typeof establishClubBody>;
