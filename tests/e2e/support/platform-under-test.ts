import { migrateEventStore } from '@ishc/event-store';
import { createTestDatabase, TestDatabase } from '@ishc/testing';
import { freePort, PlatformProcess, ProcessName, startProcess } from './platform-process';

export const SECRET = 'e2e-secret-of-at-least-thirty-two-characters';

export interface PlatformUnderTest {
  gateway: PlatformProcess;
  processes: Map<ProcessName, PlatformProcess>;
  databases: Map<string, TestDatabase>;
  env: NodeJS.ProcessEnv;
  /** A dev token from the gateway's `POST /api/auth/dev-token`. */
  token(roles?: string[], scope?: string[]): Promise<string>;
  restart(name: ProcessName, signal?: NodeJS.Signals): Promise<PlatformProcess>;
  close(): Promise<void>;
}

export interface PlatformOptions {
  services: Array<'registry' | 'activities' | 'microfinance' | 'reporting'>;
  transport: 'embedded' | 'kafka';
  extraEnv?: NodeJS.ProcessEnv;
  /** Export each process's spans as JSON lines to this file (OTEL_TRACES_EXPORTER=file). */
  traceFile?: (name: ProcessName) => string;
}

/** Starts the given services and the gateway, each on a fresh database of the test server. */
export async function startPlatform(options: PlatformOptions): Promise<PlatformUnderTest> {
  const databases = new Map<string, TestDatabase>();
  const env: NodeJS.ProcessEnv = {
    ISHC_MODE: options.transport === 'kafka' ? 'stack' : 'embedded',
    TRANSPORT: options.transport,
    JWT_SECRET: SECRET,
    DEV_TOKENS: 'true',
    // The scenarios build their own small hierarchy; the built-in Trà Vinh data has its own tests.
    REGISTRY_REFERENCE_DATA: 'false',
    // Each platform under test gets its own topics and consumer groups on the shared broker.
    ...(options.transport === 'kafka' ? { KAFKA_BROKERS: process.env.KAFKA_BROKERS, KAFKA_NAMESPACE: `e2e-${process.pid}-${Date.now().toString(36)}.` } : {}),
  };
  for (const service of ['registry', 'activities', 'microfinance', 'reporting']) {
    const db = await createTestDatabase(`e2e_${service}`);
    // Every service's event store exists, as in a real deployment, even where a scenario does not run
    // that service: its consumers (reporting reads registry and microfinance) then simply find no events.
    await migrateEventStore(db.pool);
    databases.set(service, db);
    env[`${service.toUpperCase()}_DATABASE_URL`] = db.url;
    env[`${service.toUpperCase()}_PORT`] = String(await freePort());
  }
  env.GATEWAY_PORT = String(await freePort());
  // Last, so a test can point a service at another's database (e.g. a rebuild reading the same events).
  Object.assign(env, options.extraEnv);
  const processes = new Map<ProcessName, PlatformProcess>();
  const start = async (name: ProcessName) => {
    const tracing = options.traceFile ? { OTEL_TRACES_EXPORTER: 'file', ISHC_TRACE_FILE: options.traceFile(name) } : {};
    const portVariable = `${name.toUpperCase()}_PORT`;
    for (let attempt = 1; ; attempt++) {
      try {
        const proc = await startProcess(name, Number(env[portVariable]), { ...env, OTEL_SERVICE_NAME: name, ...tracing });
        processes.set(name, proc);
        return proc;
      } catch (error) {
        // Something took the port between our probe and the process's listen: take another, a few times.
        if (attempt >= 3 || !/already in use|EADDRINUSE/.test(String(error))) throw error;
        env[portVariable] = String(await freePort());
      }
    }
  };
  let gateway: PlatformProcess;
  try {
    for (const service of options.services) await start(service);
    gateway = await start('gateway');
  } catch (error) {
    // Nothing may outlive a failed start: a process left running keeps jest from ever exiting.
    for (const proc of processes.values()) await proc.stop('SIGKILL');
    for (const db of databases.values()) await db.drop().catch(() => undefined);
    throw error;
  }
  let closed = false;
  return {
    gateway,
    processes,
    databases,
    env,
    async token(roles = ['admin'], scope = ['VN']) {
      const res = await fetch(`${gateway.url}/api/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: 'e2e-officer', roles, scope }),
      });
      if (res.status !== 200 && res.status !== 201) throw new Error(`dev token: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async restart(name, signal = 'SIGTERM') {
      await processes.get(name)?.stop(signal);
      return start(name);
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const proc of [...processes.values()].reverse()) await proc.stop('SIGTERM');
      for (const db of databases.values()) await db.drop();
    },
  };
}
