// Reading launcher settings from the environment, with errors that name the variable to change.
import { LaunchError } from './launch-error';

export type Env = Readonly<Record<string, string | undefined>>;

/** The variable's value, or undefined when unset or blank (an empty `FOO=` means "use the default"). */
export function envValue(env: Env, variable: string): string | undefined {
  const value = env[variable]?.trim();
  return value ? value : undefined;
}

export function portFrom(env: Env, variable: string, defaultPort: number): number {
  const raw = envValue(env, variable);
  if (raw === undefined) return defaultPort;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new LaunchError(`${variable}=${raw} is not a port number (1–65535).`);
  }
  return port;
}

export function booleanFrom(env: Env, variable: string, defaultValue: boolean): boolean {
  const raw = envValue(env, variable);
  if (raw === undefined) return defaultValue;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new LaunchError(`${variable}=${raw} must be true or false.`);
}

export function positiveNumberFrom(env: Env, variable: string, defaultValue: number): number {
  const raw = envValue(env, variable);
  if (raw === undefined) return defaultValue;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new LaunchError(`${variable}=${raw} must be a positive number.`);
  }
  return value;
}
