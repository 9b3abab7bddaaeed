import { z } from 'zod';
import { FieldError } from '../errors/problem-details';

/** Field name of an issue about the value as a whole (e.g. a missing body). */
export const ROOT_FIELD = '(root)';

function fieldName(path: PropertyKey[]): string {
  return path.map(String).join('.') || ROOT_FIELD;
}

/**
 * Every zod issue as a field error, path joined with '.'. An unknown key of a strict object becomes an
 * error on that key (zod reports it on the parent). Messages are zod's, which name expectations, not values.
 */
export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: fieldName([...issue.path, key]), message: 'Unknown field' }));
    }
    return [{ field: fieldName(issue.path), message: issue.message }];
  });
}
