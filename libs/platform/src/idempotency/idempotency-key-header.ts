import { ValidationError } from '../errors/http-errors';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, if it sent one; a malformed one is a 400. */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header === 'string' && KEY.test(header)) return header;
  throw new ValidationError([
    { field: IDEMPOTENCY_KEY_HEADER, message: 'must be one value of 1 to 255 visible ASCII characters (a UUID is ideal)' },
  ]);
}
