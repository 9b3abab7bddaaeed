import { context as otelContext } from '@opentelemetry/api';
import { RPCType, getRPCMetadata } from '@opentelemetry/core';

/**
 * Captures, while a request is being handled, a way to name its HTTP server span after the matched
 * route (`POST /api/registry/members/:id`). The HTTP instrumentation reads this route when the response
 * closes and sets `http.route` and the span name, which is what the express instrumentation would do,
 * without a span per middleware. Call it synchronously in a middleware; call the result once the route
 * is known (at the latest on the response's 'finish').
 */
export function captureHttpRouteSetter(): (route: string) => void {
  const metadata = getRPCMetadata(otelContext.active());
  return (route) => {
    if (metadata?.type === RPCType.HTTP) metadata.route = route;
  };
}

/**
 * The route template Express matched for a request (`/api/registry/members/:id`), or null when no
 * handler route matched. Catch-all routes (Nest mounts middleware as `{*path}`) are not templates.
 */
export function routeTemplateOf(request: { route?: { path?: unknown } }): string | null {
  const path = request.route?.path;
  return typeof path === 'string' && !path.includes('*') ? path : null;
}
