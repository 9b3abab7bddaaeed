import { randomUUID } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Logger } from 'pino';
import { Options } from 'pino-http';
import { isProbeRequest } from '../tracing/http-instrumentation';
import { routeTemplateOf } from '../tracing/http-route';
import { logSerializers } from './log-serializers';
import { REDACTED_LOG_PATHS, REDACTION_CENSOR } from './redaction';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

type RoutedRequest = IncomingMessage & { route?: { path?: unknown } };

/** The completion line's fields plus the matched route template, once routing has happened. */
function withRoute(request: RoutedRequest, fields: Record<string, unknown>): Record<string, unknown> {
  const route = routeTemplateOf(request);
  return route === null ? fields : { ...fields, route };
}

/**
 * pino-http options (what nestjs-pino's `pinoHttp` takes) around a logger from createLogger: one line
 * per request with method, path, route, status and time; probes not logged; 5xx at error, 4xx at warn.
 * pino-http replaces the logger's serializers on its child, so ours are passed again here.
 */
export function httpLoggerOptions(logger: Logger): Options {
  return {
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req: IncomingMessage) => isProbeRequest(req.url) },
    // A level the logger would drop anyway is 'silent': pino-http then skips building the line (its
    // object, route and message) instead of handing it to a no-op.
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) => {
      const level = error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      return logger.isLevelEnabled(level) ? level : 'silent';
    },
    customSuccessObject: (req: RoutedRequest, _res: ServerResponse, fields: Record<string, unknown>) => withRoute(req, fields),
    customErrorObject: (req: RoutedRequest, _res: ServerResponse, _error: Error, fields: Record<string, unknown>) =>
      withRoute(req, fields),
    serializers: logSerializers,
    redact: { paths: REDACTED_LOG_PATHS, censor: REDACTION_CENSOR },
  };
}
