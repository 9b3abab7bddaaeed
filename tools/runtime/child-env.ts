// The environment each child process gets: the launcher's own environment (PATH, LOG_LEVEL, OTEL_*, a
// <SERVICE>_DATABASE_URL you set…) overlaid with the values of docs/configuration.md the mode decided.
import { Env } from './env-values';
import { LaunchSettings } from './launch-settings';
import { PORT_VARIABLES, PROCESS_NAMES, ProcessName } from './platform-processes';

/** What only exists once the launcher is running: the database server it prepared and the JWT key. */
export interface LaunchResources {
  databaseServerUrl: string;
  jwtSecret: string;
  registryMasterKey: string;
}

/** The contract's variables, the same for every process of one launch. */
export function platformEnv(settings: LaunchSettings, resources: LaunchResources): Record<string, string> {
  const env: Record<string, string> = {
    ISHC_MODE: settings.mode,
    TRANSPORT: settings.transport,
    DATABASE_SERVER_URL: resources.databaseServerUrl,
    JWT_SECRET: resources.jwtSecret,
    REGISTRY_MASTER_KEY: resources.registryMasterKey,
    DEV_TOKENS: String(settings.devTokens),
    OTEL_TRACES_EXPORTER: settings.tracesExporter,
    ISHC_DATA_DIR: settings.dataDir,
  };
  for (const name of PROCESS_NAMES) env[PORT_VARIABLES[name].variable] = String(settings.ports[name]);
  if (settings.kafkaBrokers !== undefined) env.KAFKA_BROKERS = settings.kafkaBrokers;
  if (settings.redisUrl !== undefined) env.REDIS_URL = settings.redisUrl;
  if (settings.embeddedPostgresPort !== undefined) env.EMBEDDED_PG_PORT = String(settings.embeddedPostgresPort);
  return env;
}

/**
 * One child's environment. OTEL_SERVICE_NAME is always the process's own name (one value inherited by
 * all five would merge them into one service in every trace). ISHC_SUPERVISOR_PID lets the child notice
 * when its launcher is gone (tools/runtime/exit-with-supervisor.js).
 */
export function childEnv(
  name: ProcessName,
  platform: Record<string, string>,
  parentEnv: Env,
  supervisorPid: number,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(parentEnv)) if (value !== undefined) env[key] = value;
  return { ...env, ...platform, OTEL_SERVICE_NAME: name, ISHC_SUPERVISOR_PID: String(supervisorPid) };
}
