// The one public URL (DESIGN §2): routes `/api/<service>/…` to the service that owns it and serves the
// few things that belong to no service — dev tokens, overall health, the API docs, and the dashboard.
// A plain Node http server: it adds no framework to every request's path.
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { SERVICE_NAMES, ServiceName } from '@ishc/contracts';
import { captureHttpRouteSetter } from '@ishc/observability';
import { DOCS_PATH, handleApiDocs } from './api-docs.http';
import { handleDashboard, isDashboardPath } from './dashboard.http';
import { DevTokenIssuer, handleDevToken } from './dev-token.http';
import { GatewayConfig } from './gateway-config';
import { handleHealth } from './health.http';
import { mergedOpenApi } from './merged-openapi';
import { notFound, sendJson, sendProblem } from './problem-response';
import { ServiceProxy } from './service-proxy';
import { setTraceResponse } from './trace-response';

export interface GatewayLogger {
  warn(details: object, message: string): void;
}

export interface GatewayOptions {
  config: GatewayConfig;
  /** Present when dev tokens are on. */
  devTokens?: DevTokenIssuer;
  /** swagger-ui-dist's folder (see api-docs.http.ts). */
  swaggerUiDir: string;
  /** The dashboard's build (dashboard.http.ts); without one, `/` is a plain home page. */
  dashboardDir?: string;
  logger?: GatewayLogger;
}

export interface Gateway {
  server: http.Server;
  /** Stops accepting, ends idle keep-alive connections, waits for requests in flight. */
  close(): Promise<void>;
}

const OWN_ROUTES = ['/', '/index.html', '/api/auth/dev-token', '/api/health', '/api/health/ready', '/api/docs-json'];

/**
 * The route a request's trace span is named after: the service's prefix for proxied requests (their
 * own span, in the service, names the precise route), the path for the gateway's own pages.
 */
export function routeOf(pathname: string): string | undefined {
  const service = serviceOf(pathname);
  if (service) return `/api/${service}/*`;
  if (pathname === DOCS_PATH || pathname.startsWith(`${DOCS_PATH}/`)) return `${DOCS_PATH}/*`;
  if (pathname.startsWith('/assets/')) return '/assets/*';
  return OWN_ROUTES.includes(pathname) ? pathname : undefined;
}

/** `/api/<service>` or `/api/<service>/…` → the service; anything else → undefined. */
export function serviceOf(pathname: string): ServiceName | undefined {
  const match = /^\/api\/([^/]+)(?:\/|$)/.exec(pathname);
  return SERVICE_NAMES.find((s) => s === match?.[1]);
}

export function createGateway(options: GatewayOptions): Gateway {
  const { config } = options;
  const proxy = new ServiceProxy();

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = new URL(req.url ?? '/', 'http://gateway').pathname;
    const spanRoute = routeOf(pathname);
    if (spanRoute) captureHttpRouteSetter()(spanRoute); // synchronously, inside the request's trace context
    setTraceResponse(res);
    const service = serviceOf(pathname);
    if (service) return proxy.forward(req, res, service, config.services[service]);

    if (pathname === '/api/auth/dev-token') return handleDevToken(req, res, options.devTokens);
    req.resume(); // no other route reads a body
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (read && pathname === '/api/health') return handleHealth(req, res, config.services, false);
    if (read && pathname === '/api/health/ready') return handleHealth(req, res, config.services, true);
    if (read && pathname === '/api/docs-json') return sendJson(res, 200, await mergedOpenApi(config.services), { 'cache-control': 'no-cache' });
    if (read && (pathname === DOCS_PATH || pathname.startsWith(`${DOCS_PATH}/`))) {
      return handleApiDocs(req, res, pathname, options.swaggerUiDir);
    }
    if (read && isDashboardPath(pathname)) return handleDashboard(req, res, pathname, options.dashboardDir);
    sendProblem(res, notFound());
  };

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.logger?.warn({ err: error, path: req.url }, 'gateway route failed');
      if (res.headersSent) return void res.destroy();
      sendProblem(res, { status: 500, slug: 'internal', title: 'Internal error', detail: 'The gateway failed to answer.' });
    });
  });

  return {
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        proxy.close();
      }),
  };
}
