import { SERVICE_NAMES, ServiceName } from '@ishc/contracts';
import { z } from 'zod';
import { databaseUrlVariable, serviceDatabaseOnServer } from './database-url';
import {
  booleanValue,
  hostPortListValue,
  optional,
  portValue,
  positiveIntValue,
  postgresUrlValue,
  urlValue,
} from './env-values';
import { loadConfig } from './load-config';

export const RUN_MODES = ['embedded', 'stack'] as const;
export type RunMode = (typeof RUN_MODES)[number];
export const TRANSPORTS = ['embedded', 'kafka'] as const;
export type Transport = (typeof TRANSPORTS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** docs/configuration.md: each service's port when `<SERVICE>_PORT` is unset. */
export const DEFAULT_SERVICE_PORTS: Record<ServiceName, number> = {
  registry: 3101,
  activities: 3102,
  microfinance: 3103,
  reporting: 3104,
};

export const JWT_SECRET_MIN_LENGTH = 32;

/** What a service process knows about its environment, once validated. */
export interface ServiceConfig {
  service: ServiceName;
  mode: RunMode;
  /** This service's own database. */
  databaseUrl: string;
  port: number;
  transport: Transport;
  /** Set when `transport` is `kafka`. */
  kafka: { brokers: string[]; topicPartitions: number; namespace: string } | null;
  /** Null: caches live in memory. */
  redisUrl: string | null;
  jwtSecret: string;
  devTokens: boolean;
  logLevel: LogLevel;
  /** METRICS_TOKEN: a static bearer token Prometheus may scrape /metrics with (besides an admin JWT). */
  metricsToken?: string;
}

export function portVariable(service: ServiceName): string {
  return `${service.toUpperCase()}_PORT`;
}

function enumValue<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { message: `must be one of ${values.join(', ')}` });
}

/** The zod schema of docs/configuration.md for one service: env in, ServiceConfig out. */
export function serviceConfigSchema(service: ServiceName) {
  if (!(SERVICE_NAMES as readonly string[]).includes(service)) throw new Error(`unknown service "${service}"`);
  const ownDatabase = databaseUrlVariable(service);
  const ownPort = portVariable(service);
  const shape = {
    ISHC_MODE: optional(enumValue(RUN_MODES)),
    DATABASE_SERVER_URL: optional(postgresUrlValue),
    [ownDatabase]: optional(postgresUrlValue),
    TRANSPORT: optional(enumValue(TRANSPORTS)),
    KAFKA_BROKERS: optional(hostPortListValue),
    KAFKA_TOPIC_PARTITIONS: optional(positiveIntValue(1000)),
    KAFKA_NAMESPACE: z
      .string()
      .regex(/^[A-Za-z0-9._-]{0,60}$/, { message: 'letters, digits, ".", "_" and "-" only (at most 60)' })
      .optional(),
    REDIS_URL: optional(urlValue(['redis:', 'rediss:'])),
    [ownPort]: optional(portValue),
    JWT_SECRET: z
      .string({ message: `required: an HS256 key of at least ${JWT_SECRET_MIN_LENGTH} characters` })
      .min(JWT_SECRET_MIN_LENGTH, { message: `must be at least ${JWT_SECRET_MIN_LENGTH} characters` }),
    DEV_TOKENS: optional(booleanValue),
    LOG_LEVEL: optional(enumValue(LOG_LEVELS)),
    METRICS_TOKEN: z.string().min(JWT_SECRET_MIN_LENGTH, { message: `must be at least ${JWT_SECRET_MIN_LENGTH} characters` }).optional(),
  };
  // Kept loose: the shape's keys are computed, so the cross-variable rules read them by name.
  type RawEnv = Record<string, unknown>;
  return z
    .object(shape)
    // Rules across variables. `when` makes them run even when single variables failed, so one start
    // reports every problem.
    .refine((env: RawEnv) => env[ownDatabase] !== undefined || env.DATABASE_SERVER_URL !== undefined, {
      path: [ownDatabase],
      message: 'not set, and neither is DATABASE_SERVER_URL: set one of them',
      when: () => true,
    })
    .refine((env: RawEnv) => transportOf(env) !== 'kafka' || env.KAFKA_BROKERS !== undefined, {
      path: ['KAFKA_BROKERS'],
      message: 'required when TRANSPORT is kafka (the default in stack mode)',
      when: () => true,
    })
    .transform((raw): ServiceConfig => {
      const env = raw as RawEnv;
      const mode = (env.ISHC_MODE as RunMode | undefined) ?? 'embedded';
      const transport = transportOf(env);
      return {
        service,
        mode,
        databaseUrl:
          (env[ownDatabase] as string | undefined) ?? serviceDatabaseOnServer(env.DATABASE_SERVER_URL as string, service),
        port: (env[ownPort] as number | undefined) ?? DEFAULT_SERVICE_PORTS[service],
        transport,
        kafka:
          transport === 'kafka'
            ? {
                brokers: env.KAFKA_BROKERS as string[],
                topicPartitions: (env.KAFKA_TOPIC_PARTITIONS as number | undefined) ?? 3,
                namespace: (env.KAFKA_NAMESPACE as string | undefined) ?? '',
              }
            : null,
        redisUrl: (env.REDIS_URL as string | undefined) ?? null,
        jwtSecret: env.JWT_SECRET as string,
        devTokens: (env.DEV_TOKENS as boolean | undefined) ?? mode === 'embedded',
        logLevel: (env.LOG_LEVEL as LogLevel | undefined) ?? 'info',
        ...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN as string } : {}),
      };
    });
}

function transportOf(env: Record<string, unknown>): Transport {
  return (env.TRANSPORT as Transport | undefined) ?? (env.ISHC_MODE === 'stack' ? 'kafka' : 'embedded');
}

/** Validates this process's environment for `service`; throws ConfigError naming every bad variable. */
export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  return loadConfig(serviceConfigSchema(service), env);
}
