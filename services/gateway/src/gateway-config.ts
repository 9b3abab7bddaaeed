// The gateway's part of docs/configuration.md. It needs no database: only where the services are, and
// the JWT key when it issues dev tokens. A bad value stops it at start, naming every bad variable.
import { SERVICE_NAMES, ServiceName } from '@ishc/contracts';

export interface GatewayConfig {
  port: number;
  /** Each service's base URL (no trailing slash); requests keep their full path, `/api/<service>/…`. */
  services: Record<ServiceName, string>;
  devTokens: boolean;
  /** Set whenever devTokens is true. */
  jwtSecret?: string;
}

export const DEFAULT_PORTS: Record<ServiceName | 'gateway', number> = {
  gateway: 3000,
  registry: 3101,
  activities: 3102,
  microfinance: 3103,
  reporting: 3104,
};

export class GatewayConfigError extends Error {
  override readonly name = 'GatewayConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

export function readGatewayConfig(env: Env): GatewayConfig {
  const problems: string[] = [];
  const value = (name: string) => env[name]?.trim() || undefined;

  const port = (name: string, fallback: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) problems.push(`${name}=${raw}: not a port number (1–65535)`);
    return Number(raw);
  };

  const gatewayPort = port('GATEWAY_PORT', DEFAULT_PORTS.gateway);
  const services = {} as Record<ServiceName, string>;
  for (const service of SERVICE_NAMES) {
    const prefix = service.toUpperCase();
    const urlVariable = `${prefix}_SERVICE_URL`;
    const url = value(urlVariable) ?? `http://127.0.0.1:${port(`${prefix}_PORT`, DEFAULT_PORTS[service])}`;
    if (!/^https?:\/\/[^/]+\/?$/.test(url)) problems.push(`${urlVariable}=${url}: expected http://host:port`);
    services[service] = url.replace(/\/$/, '');
  }

  const mode = value('ISHC_MODE') ?? 'embedded';
  const rawDevTokens = value('DEV_TOKENS');
  if (rawDevTokens !== undefined && rawDevTokens !== 'true' && rawDevTokens !== 'false') {
    problems.push(`DEV_TOKENS=${rawDevTokens}: must be true or false`);
  }
  const devTokens = rawDevTokens === undefined ? mode === 'embedded' : rawDevTokens === 'true';
  const jwtSecret = value('JWT_SECRET');
  if (devTokens && (jwtSecret === undefined || jwtSecret.length < 32)) {
    problems.push('JWT_SECRET: required (at least 32 characters) to sign dev tokens, since DEV_TOKENS is on');
  }

  const config: GatewayConfig = { port: gatewayPort, services, devTokens, jwtSecret };
  if (problems.length > 0) throw new GatewayConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return config;
}
