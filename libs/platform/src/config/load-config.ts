import { z } from 'zod';
import { ConfigError } from './config-error';

/**
 * Validates the environment against a zod schema whose keys are variable names. Every problem is
 * reported at once, each named by its variable, so one failed start tells the operator everything.
 * Values are never echoed: some are secrets, and URLs carry passwords.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => ({
      variable: issue.path.map(String).join('.') || '(environment)',
      message: issue.message,
    })),
  );
}
