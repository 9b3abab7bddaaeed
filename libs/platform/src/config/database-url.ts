import { ServiceName } from '@ishc/contracts';
import { ConfigError } from './config-error';

export function databaseUrlVariable(service: ServiceName | string): string {
  return `${service.toUpperCase()}_DATABASE_URL`;
}

export function databaseName(service: ServiceName | string): string {
  return `ishc_${service}`;
}

/** `DATABASE_SERVER_URL` with the path replaced by the service's database name. */
export function serviceDatabaseOnServer(serverUrl: string, service: ServiceName | string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName(service)}`;
  return url.toString();
}

/**
 * A service's own database: `<SERVICE>_DATABASE_URL`, else `ishc_<service>` on `DATABASE_SERVER_URL`.
 * Also how a process finds another service's database where the run mode allows it (embedded mode's
 * direct subscription reads the producer's event store).
 */
export function databaseUrlFor(service: ServiceName | string, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[databaseUrlVariable(service)]?.trim();
  if (own) return own;
  const server = env.DATABASE_SERVER_URL?.trim();
  if (server) {
    try {
      return serviceDatabaseOnServer(server, service);
    } catch {
      throw new ConfigError([{ variable: 'DATABASE_SERVER_URL', message: 'must be a URL (postgres://…)' }]);
    }
  }
  throw new ConfigError([
    { variable: databaseUrlVariable(service), message: 'not set, and neither is DATABASE_SERVER_URL: set one of them' },
  ]);
}
