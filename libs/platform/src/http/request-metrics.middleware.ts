import {
  UNMATCHED_ROUTE,
  captureHttpRouteSetter,
  httpRequestDuration,
  isProbeRequest,
  routeTemplateOf,
} from '@ishc/observability';
import { Registry } from 'prom-client';
import { HttpRequest, HttpResponse } from './http-types';

/**
 * Express middleware, first in the chain: when the response is finished, names the request's server
 * span after the matched route and records its duration under the route template (never the raw path:
 * ids in paths would make a series per entity).
 */
export function requestMetricsMiddleware(registry: Registry) {
  const duration = httpRequestDuration(registry);
  return (request: HttpRequest, response: HttpResponse, next: () => void): void => {
    if (isProbeRequest(request.originalUrl)) return next();
    const setRoute = captureHttpRouteSetter();
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const template = routeTemplateOf(request);
      if (template !== null) setRoute(template);
      const route = template ?? UNMATCHED_ROUTE;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      duration.observe({ method: request.method, route, status_code: String(response.statusCode) }, seconds);
    });
    next();
  };
}
