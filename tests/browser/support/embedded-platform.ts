// The platform as `npm start` runs it — the four compiled services and the gateway as separate processes,
// embedded transport, the built-in Trà Vinh / Trà Cú org units, the dashboard served at `/` — each service
// on a fresh database of the test server (as tests/e2e does; jest's global setup builds dist/).
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import path from 'node:path';
import { migrateEventStore } from '@ishc/event-store';
import { createTestDatabase, TestDatabase } from '@ishc/testing';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const SERVICES = ['registry', 'activities', 'microfinance', 'reporting'] as const;
type ProcessName = (typeof SERVICES)[number] | 'gateway';

export interface EmbeddedPlatform {
  gatewayUrl: string;
  /** The error lines the processes have logged, to explain a failure. */
  errorLogs(): string;
  token(roles?: string[], scope?: string[]): Promise<string>;
  close(): Promise<void>;
}

/** A port the system has just handed out as free (other suites and helpers run in parallel). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPlatform(): Promise<EmbeddedPlatform> {
  const dashboard = path.join(ROOT, 'dist/services/dashboard/index.html');
  if (!existsSync(dashboard)) throw new Error(`${dashboard} is missing: build with \`node tools/build.js\` (jest's global setup does, unless ISHC_SKIP_BUILD=1)`);
  const databases: TestDatabase[] = [];
  const children: ChildProcess[] = [];
  const outputs = new Map<ProcessName, () => string>();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ISHC_MODE: 'embedded',
    TRANSPORT: 'embedded',
    JWT_SECRET: 'browser-tests-secret-of-at-least-32-characters',
    DEV_TOKENS: 'true',
    LOG_LEVEL: 'warn',
    OTEL_TRACES_EXPORTER: 'none',
  };
  const close = async () => {
    for (const child of children.reverse()) await stop(child);
    for (const db of databases) await db.drop().catch(() => undefined);
  };
  try {
    for (const service of SERVICES) {
      const db = await createTestDatabase(`browser_${service}`);
      await migrateEventStore(db.pool);
      databases.push(db);
      env[`${service.toUpperCase()}_DATABASE_URL`] = db.url;
      env[`${service.toUpperCase()}_PORT`] = String(await freePort());
    }
    env.GATEWAY_PORT = String(await freePort());
    for (const name of [...SERVICES, 'gateway'] as const) {
      const started = await start(name, Number(env[`${name.toUpperCase()}_PORT`]), env);
      children.push(started.child);
      outputs.set(name, started.output);
    }
  } catch (error) {
    await close();
    throw error;
  }
  const gatewayUrl = `http://127.0.0.1:${env.GATEWAY_PORT}`;
  return {
    gatewayUrl,
    errorLogs: () =>
      [...outputs.entries()]
        .flatMap(([name, output]) => output().split('\n').filter((l) => /"level":"(error|fatal)"/.test(l)).map((l) => `${name}: ${l}`))
        .join('\n'),
    async token(roles = ['admin'], scope = ['VN']) {
      const res = await fetch(`${gatewayUrl}/api/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sub: 'browser-test', roles, scope }),
      });
      if (!res.ok) throw new Error(`dev token: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    close,
  };
}

async function start(name: ProcessName, port: number, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'tools/runtime/register-paths.js'), path.join(ROOT, `dist/services/${name}/src/main.js`)], {
    cwd: ROOT,
    env: { ...env, OTEL_SERVICE_NAME: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const readiness = `http://127.0.0.1:${port}${name === 'gateway' ? '/api/health' : `/api/${name}/health/ready`}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) while starting:\n${output}`);
    if ((await fetch(readiness).catch(() => null))?.status === 200) return { child, output: () => output };
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`${name} was not ready after 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface DemoOutcome {
  seeded: boolean;
  url: string;
  clubs: number;
  members: number;
  reason?: string;
}

/** The Trà Cú demo, written by the compiled tool the embedded launcher uses (tools/run/demo-data). */
export function seedDemoData(gatewayUrl: string): Promise<DemoOutcome> {
  const cli = path.join(ROOT, 'dist/tools/run/demo-data/cli.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, gatewayUrl], { cwd: ROOT, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${cli} failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as DemoOutcome);
    });
  });
}
