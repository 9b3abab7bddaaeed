// The services under test run as the compiled processes every run mode starts
// (`node -r tools/runtime/register-paths.js dist/services/<name>/src/main.js`), as in tests/e2e: the load
// generator (this process) and the service then have an event loop each, as a client and a server do in
// production, and the measured path includes HTTP, JSON, auth, validation and the real pool.
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

export type ServiceProcessName = 'registry' | 'activities' | 'microfinance' | 'reporting';

export interface ServiceProcess {
  name: ServiceProcessName | 'gateway';
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
  return startProcess(name, `dist/services/${name}/src/main.js`, `/api/${name}/health/ready`, { ...env, [`${name.toUpperCase()}_PORT`]: String(port) }, port, nodeOptions);
}

/**
 * The gateway in front of the given services (stack mode: no dev tokens), for an experiment that measures
 * the public path (`BENCH_VIA_GATEWAY=1` in the commands suite). Ready once it answers its own health route
 * at all: its readiness also asks services this suite does not start.
 */
export async function startGateway(services: Partial<Record<ServiceProcessName, string>>, nodeOptions: string[] = []): Promise<ServiceProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ISHC_MODE: 'stack', DEV_TOKENS: 'false', GATEWAY_PORT: String(port) };
  for (const [service, url] of Object.entries(services)) env[`${service.toUpperCase()}_SERVICE_URL`] = url;
  return startProcess('gateway', 'dist/services/gateway/src/main.js', '/api/health', env, port, nodeOptions, true);
}

async function startProcess(
  name: ServiceProcessName | 'gateway',
  entry: string,
  readyPath: string,
  env: NodeJS.ProcessEnv,
  port: number,
  nodeOptions: string[],
  anyAnswerIsReady = false,
): Promise<ServiceProcess> {
  const started = Date.now();
  const profiling = cpuProfilePreload();
  const child = spawn(process.execPath, [...nodeOptions, ...(profiling ? ['-r', profiling.preload] : []), '-r', path.join(ROOT, 'tools/runtime/register-paths.js'), path.join(ROOT, entry)], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'warn',
      OTEL_TRACES_EXPORTER: 'none',
      OTEL_SERVICE_NAME: name,
      ...env,
      ...(profiling ? { BENCH_CPU_PROF: profiling.dir, BENCH_PROCESS_NAME: name, ...(process.env.BENCH_COUNT_SQL ? { BENCH_COUNT_SQL: '1' } : {}) } : {}),
    },
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
    const res = await fetch(`${url}${readyPath}`).catch(() => null);
    if (res?.status === 200 || (res && anyAnswerIsReady)) break;
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

// ---- CPU profiles of the services under load (an experiment's switch, off by default) ----
//
// `BENCH_CPU_PROF=<dir>`: every process started here loads a small preload (written into <dir>) that holds
// an in-process V8 profiler (node:inspector) and toggles it on SIGWINCH (ignored by default, and not one of
// the signals Nest's shutdown hooks end the app on, as SIGUSR2 is); `profileWindow` wraps one measured
// load level in such a window, so a profile holds the steady state of that level only, not the start-up
// (`node --cpu-prof` would write nothing anyway: Nest's shutdown hooks end the process by re-raising
// SIGTERM). `BENCH_COUNT_SQL=1` also counts each statement the process sends through `pg` in the window
// (pg_stat_statements is not loaded on the bench's server). Files: <dir>/<label>-<process>-<pid>.cpuprofile
// and .sql.json.

const PRELOAD = `'use strict';
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');
const dir = process.env.BENCH_CPU_PROF;
const name = process.env.BENCH_PROCESS_NAME || 'process';
const session = new inspector.Session();
session.connect();
let counts = null;
if (process.env.BENCH_COUNT_SQL) {
  const { Client } = require(require.resolve('pg', { paths: [process.cwd()] }));
  const query = Client.prototype.query;
  Client.prototype.query = function (config, ...rest) {
    if (counts) {
      const text = (typeof config === 'string' ? config : config && config.text) || '?';
      const key = text.replace(/\\s+/g, ' ').trim().slice(0, 140);
      counts[key] = (counts[key] || 0) + 1;
    }
    return query.call(this, config, ...rest);
  };
}
let label = null;
process.on('SIGWINCH', () => {
  if (label === null) {
    try { label = fs.readFileSync(path.join(dir, 'label-' + process.pid), 'utf8').trim(); } catch { label = 'window'; }
    counts = process.env.BENCH_COUNT_SQL ? {} : null;
    session.post('Profiler.enable', () => session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')));
    return;
  }
  const base = path.join(dir, label + '-' + name + '-' + process.pid);
  const sql = counts;
  label = null;
  counts = null;
  session.post('Profiler.stop', (error, result) => {
    if (sql) fs.writeFileSync(base + '.sql.json', JSON.stringify(sql, null, 1));
    fs.writeFileSync(base + '.cpuprofile', error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile));
    fs.writeFileSync(base + '.done', '');
  });
});
`;

function cpuProfilePreload(): { dir: string; preload: string } | null {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return null;
  const absolute = path.resolve(dir);
  fs.mkdirSync(absolute, { recursive: true });
  const preload = path.join(absolute, 'bench-cpu-profile-preload.js');
  fs.writeFileSync(preload, PRELOAD);
  return { dir: absolute, preload };
}

/** Runs `work` inside a CPU-profile window of each process (a no-op without BENCH_CPU_PROF). */
export async function profileWindow<T>(processes: ServiceProcess[], label: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;
  const live = processes.filter((p) => p.child.pid !== undefined && p.child.exitCode === null);
  if (!dir || live.length === 0) return work();
  const safe = label.replace(/[^A-Za-z0-9=_-]+/g, '_');
  for (const p of live) {
    fs.writeFileSync(path.join(dir, `label-${p.child.pid}`), safe);
    p.child.kill('SIGWINCH');
  }
  try {
    return await work();
  } finally {
    for (const p of live) p.child.kill('SIGWINCH');
    const deadline = Date.now() + 30_000;
    for (const p of live) {
      const done = path.join(dir, `${safe}-${p.name}-${p.child.pid}.done`);
      while (!fs.existsSync(done) && Date.now() < deadline) await sleep(100);
    }
  }
}
