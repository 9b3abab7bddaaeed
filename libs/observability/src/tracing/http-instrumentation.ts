import { IncomingMessage } from 'node:http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { withoutQuery } from './query-redacting-span-processor';

/** Liveness/readiness probes and metric scrapes: frequent, uninteresting, and would drown real traces. */
export function isProbeRequest(url: string | undefined): boolean {
  return /\/(health(\/ready|\/live)?|metrics)\/?$/.test(withoutQuery(url ?? ''));
}

/**
 * HTTP server and client spans. Headers are not captured (the default: they hold tokens and cookies),
 * bodies never are, and query strings are removed by QueryRedactingSpanProcessor.
 */
export function createHttpInstrumentation(): HttpInstrumentation {
  return new HttpInstrumentation({
    ignoreIncomingRequestHook: (request: IncomingMessage) => isProbeRequest(request.url),
  });
}
