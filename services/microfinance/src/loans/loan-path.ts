import { ValidationError } from '@ishc/platform';
import { z } from 'zod';

const uuid = z.uuid({ message: 'must be a UUID' });

/** The path's loan id: a UUID, else 400 naming `id`. */
export function loanIdFromPath(id: string): string {
  if (!uuid.safeParse(id).success) throw new ValidationError([{ field: 'id', message: 'must be a UUID' }]);
  return id;
}
