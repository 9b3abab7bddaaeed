// GET /api/health: the gateway is alive (always 200) and how each service's readiness looks from here.
// GET /api/health/ready: the same body, 200 only when every service is ready (503 otherwise), for
// whoever needs "the whole platform can serve" (compose health checks, scripts).
import { IncomingMessage, ServerResponse } from 'node:http';
import { ServiceName } from '@ishc/contracts';
import { errorCode } from './error-code';
import { sendJson } from './problem-response';

export interface ServiceReadiness {
  ready: boolean;
  /** The readiness route's HTTP status, when it answered. */
  httpStatus?: number;
  /** Why it could not be asked (connection refused, timeout). */
  error?: string;
}

const CHECK_TIMEOUT_MS = 2000;

export async function serviceReadiness(service: ServiceName, baseUrl: string): Promise<ServiceReadiness> {
  try {
    const response = await fetch(`${baseUrl}/api/${service}/health/ready`, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    await response.arrayBuffer();
    return { ready: response.ok, httpStatus: response.status };
  } catch (error) {
    return { ready: false, error: errorCode(error) };
  }
}

export async function handleHealth(
  req: IncomingMessage,
  res: ServerResponse,
  services: Record<ServiceName, string>,
  readinessOnly: boolean,
): Promise<void> {
  const entries = await Promise.all(
    Object.entries(services).map(async ([name, url]) => [name, await serviceReadiness(name as ServiceName, url)] as const),
  );
  const allReady = entries.every(([, r]) => r.ready);
  const body = { status: allReady ? 'ok' : 'degraded', gateway: 'up', services: Object.fromEntries(entries) };
  sendJson(res, readinessOnly && !allReady ? 503 : 200, body, { 'cache-control': 'no-store' });
}
