import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { ConflictError, NotFoundError, ValidationError } from './http-errors';

/** Turns a broken business rule into the API's problem: 400 naming the fields, 409 or 404. */
export function ruleViolationToProblem(error: unknown): unknown {
  if (error instanceof RuleViolations) {
    const conflict = error.violations.find((v) => v.kind !== 'invalid');
    if (conflict) return ruleViolationToProblem(conflict);
    return new ValidationError(error.violations.map((v) => ({ field: v.field ?? 'body', message: v.message })));
  }
  if (error instanceof RuleViolation) {
    if (error.kind === 'invalid') return new ValidationError([{ field: error.field ?? 'body', message: error.message }]);
    if (error.kind === 'not_found') return new NotFoundError(error.message);
    return new ConflictError(error.message);
  }
  return error;
}

/** Runs a handler and rethrows rule violations as problems. */
export async function withRuleProblems<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw ruleViolationToProblem(error);
  }
}
