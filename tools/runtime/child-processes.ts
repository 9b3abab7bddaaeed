// Starts and stops the launcher's child processes. Each child gets its own process group (`detached`),
// so Ctrl-C in the terminal reaches the launcher alone, which then stops the children in a chosen order
// (services before the database they use). The polite stop signal goes to the child alone (it knows how
// to shut down its own helpers: PostgreSQL its backends); SIGKILL goes to the whole group, so nothing a
// child started is left behind.
import { ChildProcess, spawn } from 'node:child_process';
import { PrefixedOutput } from './prefixed-output';

export interface ChildSpec {
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  /** The signal that asks this program to shut down cleanly (PostgreSQL: SIGINT, a "fast" shutdown). */
  stopSignal?: NodeJS.Signals;
  /** Run as another user (PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
}

export interface ChildExit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export function describeExit(exit: ChildExit): string {
  if (exit.error) return `could not be started: ${exit.error.message}`;
  return exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
}

interface Running {
  spec: ChildSpec;
  process: ChildProcess;
  exited: Promise<void>;
}

export class ChildProcesses {
  private readonly running = new Map<string, Running>();
  private stopping = false;

  constructor(
    private readonly output: PrefixedOutput,
    /** Called when a child ends before stopAll() asked it to. */
    private readonly onUnexpectedExit: (exit: ChildExit) => void,
  ) {}

  start(spec: ChildSpec): ChildProcess {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      uid: spec.uid,
      gid: spec.gid,
    });
    const exited = new Promise<void>((resolve) => {
      const ended = (exit: ChildExit) => {
        if (!this.running.has(spec.name)) return; // 'error' and 'exit' may both fire
        this.running.delete(spec.name);
        if (this.stopping) this.output.line('launcher', `${spec.name} stopped`);
        else this.onUnexpectedExit(exit);
        resolve();
      };
      child.once('exit', (code, signal) => ended({ name: spec.name, code, signal }));
      child.once('error', (error) => ended({ name: spec.name, code: null, signal: null, error }));
    });
    if (child.stdout) this.output.pipe(spec.name, child.stdout, 'out');
    if (child.stderr) this.output.pipe(spec.name, child.stderr, 'err');
    this.running.set(spec.name, { spec, process: child, exited });
    return child;
  }

  get count(): number {
    return this.running.size;
  }

  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  /** Asks every child to stop, and kills those still running after `timeoutMs`. */
  async stopAll(timeoutMs: number): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.running.values()].map((r) => this.stop(r, timeoutMs)));
  }

  /** Synchronous (usable in an 'exit' handler): sends every child its stop signal, without waiting. */
  askAllToStopNow(): void {
    this.stopping = true;
    for (const r of this.running.values()) r.process.kill(r.spec.stopSignal ?? 'SIGTERM');
  }

  /** When asked twice: kills every child's process group at once. */
  killAllNow(): void {
    this.stopping = true;
    for (const r of this.running.values()) signalGroup(r.process, 'SIGKILL');
  }

  private async stop(r: Running, timeoutMs: number): Promise<void> {
    const timer = setTimeout(() => {
      this.output.line('launcher', `${r.spec.name} did not stop within ${timeoutMs / 1000} s: killing it`, 'err');
      signalGroup(r.process, 'SIGKILL');
    }, timeoutMs);
    r.process.kill(r.spec.stopSignal ?? 'SIGTERM');
    await r.exited;
    clearTimeout(timer);
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the child's whole process group (it leads one: detached)
  } catch {
    child.kill(signal); // the group is already gone; the child itself may not be
  }
}
