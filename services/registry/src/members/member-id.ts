import { ValidationError } from '@ishc/platform';
import { z } from 'zod';

const uuid = z.uuid({ message: 'must be a UUID' });

/** A member id from the path: a UUID, else 400 naming `field`. */
export function parseMemberId(id: string, field = 'id'): string {
  if (!uuid.safeParse(id).success) throw new ValidationError([{ field, message: 'must be a UUID' }]);
  return id;
}
