import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

// Cross-service scenarios run the real, compiled processes (as every run mode does), so they cross the
// same boundaries as production: HTTP, separate databases, the transport. jest's global setup builds dist/.

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export type ProcessName = 'registry' | 'activities' | 'microfinance' | 'reporting' | 'gateway';

export interface PlatformProcess {
  name: ProcessName;
  port: number;
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM (orderly) or SIGKILL (a crash); resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startProcess(name: ProcessName, port: number, env: NodeJS.ProcessEnv): Promise<PlatformProcess> {
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'tools/runtime/register-paths.js'), path.join(ROOT, `dist/services/${name}/src/main.js`)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', OTEL_TRACES_EXPORTER: 'none', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A process that dies on its own fails the test from afar (a 502 at the gateway, a refused connection):
  // say here which one died and what it said last, or the reason is lost with its pipes.
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`${name} exited on its own (code ${code}, signal ${signal}); its last output:\n${output.slice(-8_000)}\n`);
  });
  const proc: PlatformProcess = {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  const readiness = name === 'gateway' ? '/api/health' : `/api/${name}/health/ready`;
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) while starting:\n${output}`);
      const res = await fetch(`${proc.url}${readiness}`).catch(() => null);
      return res?.status === 200;
    }, 30_000, `${name} to be ready`);
  } catch (error) {
    // A process left running keeps jest from ever exiting (its pipes hold the event loop).
    await proc.stop('SIGKILL');
    throw error;
  }
  return proc;
}

/** Polls `condition` until it is true (bounded); no fixed sleeps in tests. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A port the kernel has just handed out as free. (A fixed range per jest worker overflowed into another
 * worker's, and lay in the ephemeral range where outgoing connections take ports: CI met EADDRINUSE.)
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
