// A pool whose process "dies" at a chosen COMMIT, for crash tests that need no second process: once armed,
// the next COMMIT either never reaches the server ('before-commit') or reaches it and its answer never comes
// back ('after-commit'). From then on every query of the pool hangs, as in a dead process: the code
// holding it stops exactly there, heartbeats and all. `kill` then ends its server sessions the way the
// death of its machine would (open transaction rolled back, advisory locks released).
import { randomBytes } from 'node:crypto';
import { Client, type ClientConfig, Pool } from 'pg';
import { HARNESS_APPLICATION_NAME } from './harness-database';

export type CrashPoint = 'before-commit' | 'after-commit';

export interface CrashingPool {
  pool: Pool;
  /** The next COMMIT on this pool crashes the process. */
  arm(): void;
  /** Resolves when the crash has happened. */
  crashed: Promise<void>;
  /** Ends the sessions of the dead process (every session on the database but the harness's), as its machine's death would. */
  kill(): Promise<void>;
  /** Fails everything the dead process was waiting on, so its objects can be stopped and collected. */
  release(): void;
}

// Worded like pg's own message for a lost connection: to the code under test, that is what it is.
const DEAD_PROCESS = 'Connection terminated: the process crashed';

type Callback = (error: Error | null, result?: unknown) => void;
type QueryFn = (...args: unknown[]) => unknown;

class Freezer {
  state: 'running' | 'armed' | 'crashed' | 'released' = 'running';
  private readonly frozen: Array<(error: Error) => void> = [];
  private markCrashed!: () => void;
  readonly crashed = new Promise<void>((resolve) => {
    this.markCrashed = resolve;
  });

  constructor(private readonly point: CrashPoint) {}

  intercept(args: unknown[], query: QueryFn): unknown {
    const last = args[args.length - 1];
    const callback = typeof last === 'function' ? (last as Callback) : undefined;
    if (this.state === 'crashed') return this.hang(callback);
    if (this.state === 'released') return this.fail(callback);
    if (this.state !== 'armed' || callback || sqlOf(args[0]) !== 'COMMIT') return query(...args);
    if (this.point === 'before-commit') {
      this.crash();
      return this.hang(undefined);
    }
    return (query(...args) as Promise<unknown>).then(() => {
      this.crash();
      return this.hang(undefined);
    });
  }

  release(): void {
    this.state = 'released';
    for (const fail of this.frozen.splice(0)) fail(new Error(DEAD_PROCESS));
  }

  private crash(): void {
    this.state = 'crashed';
    this.markCrashed();
  }

  private hang(callback: Callback | undefined): Promise<never> | undefined {
    if (callback) {
      this.frozen.push((error) => callback(error));
      return undefined;
    }
    return new Promise<never>((_, reject) => this.frozen.push(reject));
  }

  private fail(callback: Callback | undefined): Promise<never> | undefined {
    const error = new Error(DEAD_PROCESS);
    if (!callback) return Promise.reject(error);
    setImmediate(() => callback(error));
    return undefined;
  }
}

function sqlOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim().toUpperCase();
  if (typeof arg === 'object' && arg !== null && 'text' in arg && typeof arg.text === 'string') return arg.text.trim().toUpperCase();
  return undefined;
}

function crashingClientClass(freezer: Freezer): typeof Client {
  return class CrashingClient extends Client {
    constructor(config?: string | ClientConfig) {
      super(config);
      // A dead process's connections die with it; nobody is left to hear about it.
      this.on('error', () => undefined);
      const query = this.query.bind(this) as QueryFn;
      const intercepted: QueryFn = (...args) => freezer.intercept(args, query);
      this.query = intercepted as unknown as Client['query'];
    }
  };
}

export function createCrashingPool(connectionString: string, point: CrashPoint): CrashingPool {
  const freezer = new Freezer(point);
  const pool = new Pool({ connectionString, max: 10, application_name: `crashing-${randomBytes(4).toString('hex')}`, Client: crashingClientClass(freezer) });
  pool.on('error', () => undefined);
  return {
    pool,
    arm() {
      if (freezer.state === 'running') freezer.state = 'armed';
    },
    crashed: freezer.crashed,
    async kill() {
      const admin = new Client({ connectionString });
      await admin.connect();
      try {
        await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> $1`,
          [HARNESS_APPLICATION_NAME],
        );
      } finally {
        await admin.end();
      }
    },
    release: () => freezer.release(),
  };
}
