// The supervisor both launchers share: checks, database, the four services and the gateway as separate
// processes, readiness, a summary with URLs and a token; then an orderly stop on Ctrl-C or SIGTERM
// (services and gateway first, the database last), or on any child's unexpected end (status 1).
// What differs between the modes (where PostgreSQL comes from) is a DatabaseProvider.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ChildProcesses, describeExit } from './child-processes';
import { childEnv, platformEnv } from './child-env';
import { requestDevToken } from './dev-token-request';
import { assertKafkaReachable, assertRedisReachable } from './external-services';
import { LaunchError } from './launch-error';
import { loadOrCreateSecrets, LaunchSecrets } from './launch-secrets';
import { LaunchSettings, readLaunchSettings, RunMode } from './launch-settings';
import { printSummary } from './launch-summary';
import {
  databaseName,
  mainFile,
  PORT_VARIABLES,
  PROCESS_NAMES,
  ProcessName,
  readinessPath,
  SERVICE_NAMES,
} from './platform-processes';
import { assertPortsFree, PortClaim } from './port-check';
import { ensureDatabases } from './postgres-databases';
import { PrefixedOutput } from './prefixed-output';
import { repoRoot } from './repo-root';
import { answersOk, WaitAborted, waitUntil } from './waiting';

export interface DatabaseContext {
  settings: LaunchSettings;
  secrets: LaunchSecrets;
  /** Where a provider starts the processes it owns; they are stopped after the services. */
  infrastructure: ChildProcesses;
  output: PrefixedOutput;
}

export interface DatabaseProvider {
  /** Runs before the port checks: claim the data folder, clean up what a killed launcher left behind. */
  beforeChecks?(settings: LaunchSettings, output: PrefixedOutput): Promise<void>;
  /** Ports the provider will listen on (checked with the others before anything starts). */
  portClaims(settings: LaunchSettings): PortClaim[];
  /** Starts or checks the server; resolves with its URL (database `postgres`, a superuser). */
  prepare(context: DatabaseContext): Promise<{ serverUrl: string; description: string }>;
}

/** What a launcher does once everything is up (the embedded mode writes its demo data). */
export interface AfterStart {
  (context: { gatewayUrl: string; output: PrefixedOutput; signal: AbortSignal }): Promise<void>;
}

const REGISTER_PATHS = 'tools/runtime/register-paths.js';
const EXIT_WITH_SUPERVISOR = 'tools/runtime/exit-with-supervisor.js';
/** Repeated signals closer together than this are one Ctrl-C delivered twice (e.g. by npm and the terminal). */
const SAME_SIGNAL_MS = 1000;
const DATABASE_STOP_TIMEOUT_MS = 30_000;

export async function launchPlatform(mode: RunMode, database: DatabaseProvider, afterStart?: AfterStart): Promise<void> {
  const output = new PrefixedOutput(['launcher', 'postgres', ...PROCESS_NAMES]);
  const say = (text: string) => output.lines('launcher', text);
  const abort = new AbortController();
  let stopping: Promise<void> | undefined;
  let stopTimeoutMs = 10_000;

  const stop = (reason: string | undefined, exitCode: number): Promise<void> => {
    if (stopping) return stopping;
    abort.abort();
    if (reason) output.lines('launcher', reason, exitCode === 0 ? 'out' : 'err');
    stopping = (async () => {
      const started = services.count + infrastructure.count > 0;
      await services.stopAll(stopTimeoutMs);
      await infrastructure.stopAll(DATABASE_STOP_TIMEOUT_MS);
      if (started) say(exitCode === 0 ? 'everything is stopped' : 'everything is stopped (after a failure: exit status 1)');
      process.exit(exitCode);
    })();
    return stopping;
  };
  const unexpected = (exit: Parameters<typeof describeExit>[0]) =>
    stop(`${exit.name} ${describeExit(exit)} unexpectedly: stopping everything`, 1);
  const services = new ChildProcesses(output, unexpected);
  const infrastructure = new ChildProcesses(output, unexpected);

  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!stopping) {
      firstSignalAt = Date.now();
      stop(`${signal}: stopping (press Ctrl-C again to kill everything at once)`, 0);
    } else if (Date.now() - firstSignalAt > SAME_SIGNAL_MS) {
      output.line('launcher', `${signal} again: killing everything`, 'err');
      services.killAllNow();
      infrastructure.killAllNow();
      process.exit(1);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  // If the launcher ends any other way (a bug), its children are still asked to stop.
  process.on('exit', () => {
    services.askAllToStopNow();
    infrastructure.askAllToStopNow();
  });
  process.on('uncaughtException', (error) => stop(`launcher failed: ${error.stack ?? error.message}`, 1));

  try {
    const root = repoRoot();
    const settings = readLaunchSettings(mode, process.env, root);
    stopTimeoutMs = settings.stopTimeoutMs;
    assertBuilt(root);
    await database.beforeChecks?.(settings, output);
    await assertPortsFree([...processPortClaims(settings), ...database.portClaims(settings)]);
    if (settings.transport === 'kafka' && settings.kafkaBrokers) await assertKafkaReachable(settings.kafkaBrokers);
    if (settings.redisUrl) await assertRedisReachable(settings.redisUrl);

    const secrets = loadOrCreateSecrets(settings.dataDir);
    const db = await database.prepare({ settings, secrets, infrastructure, output });
    const created = await ensureDatabases(db.serverUrl, SERVICE_NAMES.map(databaseName));
    if (created.length > 0) say(`created the databases ${created.join(', ')}`);

    const shared = platformEnv(settings, {
      databaseServerUrl: db.serverUrl,
      jwtSecret: settings.jwtSecret ?? secrets.jwtSecret,
      registryMasterKey: process.env.REGISTRY_MASTER_KEY ?? secrets.registryMasterKey,
    });
    for (const name of PROCESS_NAMES) {
      services.start({
        name,
        command: process.execPath,
        args: ['-r', path.join(root, REGISTER_PATHS), '-r', path.join(root, EXIT_WITH_SUPERVISOR), path.join(root, mainFile(name))],
        cwd: root,
        env: childEnv(name, shared, process.env, process.pid),
      });
    }
    say(`started ${PROCESS_NAMES.join(', ')}; waiting until they are ready…`);
    await waitForAll(settings, output, abort.signal);

    const gateway = `http://localhost:${settings.ports.gateway}`;
    // A token is a convenience: failing to get one is worth a warning, not stopping a running platform.
    const token = settings.devTokens
      ? await requestDevToken(gateway).catch((error: unknown) => {
          output.line('launcher', `could not get a dev token: ${error instanceof Error ? error.message : String(error)}`, 'err');
          return undefined;
        })
      : undefined;
    printSummary(output, settings, db.description, token);
    await afterStart?.({ gatewayUrl: gateway, output, signal: abort.signal });
  } catch (error) {
    if (stopping) return; // already stopping (a child failed, or Ctrl-C): that message was printed
    const message =
      error instanceof LaunchError ? error.message : `launch failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    await stop(message, 1);
  }
}

function processPortClaims(settings: LaunchSettings): PortClaim[] {
  return PROCESS_NAMES.map((name) => ({
    port: settings.ports[name],
    variable: PORT_VARIABLES[name].variable,
    owner: name === 'gateway' ? 'the gateway' : `the ${name} service`,
  }));
}

function assertBuilt(root: string): void {
  const missing = PROCESS_NAMES.filter((name) => !existsSync(path.join(root, mainFile(name))));
  if (missing.length > 0) {
    throw new LaunchError(
      `Not built: ${missing.map((n) => mainFile(n)).join(', ')}. ` +
        `Does ${missing.map((n) => `services/${n}/src/main.ts`).join(', ')} exist? Build with \`npm run build\`.`,
    );
  }
}

async function waitForAll(settings: LaunchSettings, output: PrefixedOutput, signal: AbortSignal): Promise<void> {
  const started = Date.now();
  const ready = (name: ProcessName) =>
    waitUntil(() => answersOk(`http://127.0.0.1:${settings.ports[name]}${readinessPath(name)}`), `${name} (${readinessPath(name)})`, {
      timeoutMs: settings.startTimeoutMs,
      intervalMs: 300,
      signal,
    }).then(() => output.line('launcher', `${name} is ready (${((Date.now() - started) / 1000).toFixed(1)} s)`));
  try {
    await Promise.all(PROCESS_NAMES.map(ready));
  } catch (error) {
    if (error instanceof WaitAborted) throw error;
    throw new LaunchError(`${error instanceof Error ? error.message : String(error)} (raise ISHC_START_TIMEOUT_S if it is only slow)`);
  }
}
