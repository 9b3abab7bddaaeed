// One platform under measurement: a fresh database per service (each with its event store, as in a real
// deployment), the environment of the chosen transport, and the compiled processes a suite needs.
import { migrateEventStore } from '@ishc/event-store';
import { signDevToken } from '@ishc/platform';
import { randomBytes } from 'node:crypto';
import { BenchDatabase, createDatabase } from './databases';
import { deleteNamespaceTopics, KAFKA_BROKERS, runNamespace } from './kafka';
import { ServiceProcess, ServiceProcessName, startService } from './service-process';

export const JWT_SECRET = 'bench-secret-of-at-least-thirty-two-characters';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SERVICES: ServiceProcessName[] = ['registry', 'activities', 'microfinance', 'reporting'];

export type Transport = 'embedded' | 'kafka';

export interface BenchPlatform {
  databases: Record<ServiceProcessName, BenchDatabase>;
  env: NodeJS.ProcessEnv;
  processes: ServiceProcess[];
  start(name: ServiceProcessName, nodeOptions?: string[]): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  label: string;
  transport: Transport;
  /** Registry imports its built-in Trà Vinh / Trà Cú units on start (default true). */
  referenceData?: boolean;
  /** Use these databases instead of fresh ones (e.g. generated data). */
  databases?: Partial<Record<ServiceProcessName, BenchDatabase>>;
  redis?: boolean;
}

export async function preparePlatform(options: PlatformOptions): Promise<BenchPlatform> {
  const databases = {} as Record<ServiceProcessName, BenchDatabase>;
  const env: NodeJS.ProcessEnv = {
    // Stack mode (what production runs): Kafka or direct subscription as chosen, Redis when asked.
    ISHC_MODE: 'stack',
    TRANSPORT: options.transport,
    JWT_SECRET,
    REGISTRY_MASTER_KEY: randomBytes(32).toString('base64'),
    REGISTRY_REFERENCE_DATA: String(options.referenceData ?? true),
    ...(options.transport === 'kafka' ? { KAFKA_BROKERS: KAFKA_BROKERS.join(','), KAFKA_NAMESPACE: runNamespace(options.label) } : {}),
    ...(options.redis ? { REDIS_URL } : {}),
    // An experiment's switch, passed through: OTEL_SDK_DISABLED=true measures the services without tracing.
    ...(process.env.OTEL_SDK_DISABLED ? { OTEL_SDK_DISABLED: process.env.OTEL_SDK_DISABLED } : {}),
  };
  for (const service of SERVICES) {
    const db = options.databases?.[service] ?? (await createDatabase(`${options.label}_${service}`));
    const pool = db.pool(1);
    await migrateEventStore(pool);
    await pool.end();
    databases[service] = db;
    env[`${service.toUpperCase()}_DATABASE_URL`] = db.url;
  }
  const processes: ServiceProcess[] = [];
  return {
    databases,
    env,
    processes,
    async start(name, nodeOptions = []) {
      const proc = await startService(name, env, nodeOptions);
      processes.push(proc);
      return proc;
    },
    async stop() {
      for (const proc of processes.splice(0).reverse()) await proc.stop();
      if (typeof env.KAFKA_NAMESPACE === 'string') await deleteNamespaceTopics(env.KAFKA_NAMESPACE);
    },
  };
}

/** An admin token for the whole country (what the e2e scenarios use), signed with the platform's key. */
export function adminToken(): Promise<string> {
  return signDevToken({ sub: 'bench', roles: ['admin'], scope: ['VN'] }, JWT_SECRET, '2h');
}
