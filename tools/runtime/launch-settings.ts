// Everything a launcher decides from the environment before it starts anything, in one value, so the
// rules ("the environment wins, else the mode's default") live in one place and are tested.
import path from 'node:path';
import { booleanFrom, Env, envValue, portFrom, positiveNumberFrom } from './env-values';
import { LaunchError } from './launch-error';
import { PORT_VARIABLES, PROCESS_NAMES, ProcessName } from './platform-processes';

export type RunMode = 'embedded' | 'stack';
export type Transport = 'embedded' | 'kafka';

export interface LaunchSettings {
  mode: RunMode;
  repoRoot: string;
  /** Absolute; holds the generated secrets (and, in embedded mode, PostgreSQL's data). */
  dataDir: string;
  ports: Record<ProcessName, number>;
  transport: Transport;
  /** Set when transport is kafka. */
  kafkaBrokers?: string;
  /** Caches use Redis when set, memory otherwise. */
  redisUrl?: string;
  /** Stack mode: the server to use; embedded mode: undefined (the launcher starts its own). */
  databaseServerUrl?: string;
  /** Embedded mode: the port of the PostgreSQL started from npm. */
  embeddedPostgresPort?: number;
  /** From JWT_SECRET; when unset the launcher generates one per data folder. */
  jwtSecret?: string;
  devTokens: boolean;
  tracesExporter: string;
  startTimeoutMs: number;
  stopTimeoutMs: number;
}

export const STACK_DEFAULTS = {
  databaseServerUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: 'redis://127.0.0.1:6379',
  kafkaBrokers: '127.0.0.1:9092',
};

export function readLaunchSettings(mode: RunMode, env: Env, repoRoot: string): LaunchSettings {
  const ports = Object.fromEntries(
    PROCESS_NAMES.map((name) => [name, portFrom(env, PORT_VARIABLES[name].variable, PORT_VARIABLES[name].defaultPort)]),
  ) as Record<ProcessName, number>;
  const transport = transportFrom(env, mode);
  const jwtSecret = envValue(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new LaunchError('JWT_SECRET must be at least 32 characters long (or unset it: the launcher then generates one).');
  }
  return {
    mode,
    repoRoot,
    dataDir: path.resolve(repoRoot, envValue(env, 'ISHC_DATA_DIR') ?? '.data'),
    ports,
    transport,
    kafkaBrokers: transport === 'kafka' ? (envValue(env, 'KAFKA_BROKERS') ?? STACK_DEFAULTS.kafkaBrokers) : undefined,
    redisUrl: envValue(env, 'REDIS_URL') ?? (mode === 'stack' ? STACK_DEFAULTS.redisUrl : undefined),
    databaseServerUrl:
      mode === 'stack' ? (envValue(env, 'DATABASE_SERVER_URL') ?? STACK_DEFAULTS.databaseServerUrl) : undefined,
    embeddedPostgresPort: mode === 'embedded' ? portFrom(env, 'EMBEDDED_PG_PORT', 54329) : undefined,
    jwtSecret,
    devTokens: booleanFrom(env, 'DEV_TOKENS', mode === 'embedded'),
    // A launcher on a laptop has no trace collector listening by default; an exporter with nowhere to send
    // would only print connection errors. Set OTEL_TRACES_EXPORTER to turn tracing on.
    tracesExporter: envValue(env, 'OTEL_TRACES_EXPORTER') ?? 'none',
    startTimeoutMs: positiveNumberFrom(env, 'ISHC_START_TIMEOUT_S', 120) * 1000,
    stopTimeoutMs: positiveNumberFrom(env, 'ISHC_STOP_TIMEOUT_S', 10) * 1000,
  };
}

function transportFrom(env: Env, mode: RunMode): Transport {
  const raw = envValue(env, 'TRANSPORT') ?? (mode === 'embedded' ? 'embedded' : 'kafka');
  if (raw !== 'embedded' && raw !== 'kafka') {
    throw new LaunchError(`TRANSPORT=${raw} must be embedded or kafka.`);
  }
  return raw;
}
