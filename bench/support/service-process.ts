// The services under test run as the compiled processes every run mode starts
// (`node -r tools/runtime/register-paths.js dist/services/<name>/src/main.js`), as in tests/e2e: the load
// generator (this process) and the service then have an event loop each, as a client and a server do in
// production, and the measured path includes HTTP, JSON, auth, validation and the real pool.
import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export type ServiceProcessName = 'registry' | 'activities' | 'microfinance' | 'reporting';

export interface ServiceProcess {
  name: ServiceProcessName;
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the readiness route answering 200. */
  readyAfterMs: number;
  output(): string;
  stop(): Promise<void>;
}

/** A port nothing listens on now, chosen by the kernel (fixed ranges collided with the e2e suites' ports). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startService(name: ServiceProcessName, env: NodeJS.ProcessEnv, nodeOptions: string[] = []): Promise<ServiceProcess> {
  const port = Number(env[`${name.toUpperCase()}_PORT`] ?? (await freePort()));
  const started = Date.now();
  const child = spawn(process.execPath, [...nodeOptions, '-r', path.join(ROOT, 'tools/runtime/register-paths.js'), path.join(ROOT, `dist/services/${name}/src/main.js`)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', OTEL_TRACES_EXPORTER: 'none', OTEL_SERVICE_NAME: name, ...env, [`${name.toUpperCase()}_PORT`]: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) while starting:\n${output}`);
    const res = await fetch(`${url}/api/${name}/health/ready`).catch(() => null);
    if (res?.status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready after 60 s:\n${output}`);
    }
    await sleep(50);
  }
  return {
    name,
    url,
    child,
    readyAfterMs: Date.now() - started,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
