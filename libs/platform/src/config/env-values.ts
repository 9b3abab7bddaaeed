import { z } from 'zod';

// Zod pieces for environment variables, with messages written for the person setting them.

export const portValue = z
  .string()
  .trim()
  .regex(/^\d+$/, { message: 'must be a port number (1-65535)' })
  .transform(Number)
  .refine((port) => port >= 1 && port <= 65535, { message: 'must be a port number (1-65535)' });

export const booleanValue = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0'].includes(v), { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

export function urlValue(protocols: string[]) {
  const message = `must be a URL (${protocols.map((p) => `${p}//…`).join(' or ')})`;
  return z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message },
    );
}

export const postgresUrlValue = urlValue(['postgres:', 'postgresql:']);

/** `host:port,host:port` → ['host:port', …]. */
export const hostPortListValue = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()).filter((part) => part.length > 0))
  .refine((list) => list.length > 0, { message: 'must list at least one host:port' })
  .refine((list) => list.every((hp) => /^[^\s:]+:\d{1,5}$/.test(hp)), {
    message: 'must be a comma-separated list of host:port',
  });

export function positiveIntValue(max: number) {
  return z
    .string()
    .trim()
    .regex(/^\d+$/, { message: `must be a whole number from 1 to ${max}` })
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, { message: `must be a whole number from 1 to ${max}` });
}

/** Unset and empty both mean "not given" (compose files often write `VAR=`). */
export function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}
