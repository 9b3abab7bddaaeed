import { withoutQuery } from '../tracing/query-redacting-span-processor';

/**
 * What a log line says about a request: never its body, query string or headers. (The matched route is
 * not known when pino-http binds this at the request's start; the completion line adds `route`.)
 */
export interface LoggedRequest {
  id?: unknown;
  method?: string;
  path?: string;
}

interface RequestLike {
  id?: unknown;
  method?: string;
  url?: string;
  originalUrl?: string;
  // pino-http hands serializers an already-serialized request with the original under `raw`.
  raw?: RequestLike;
}

export function serializeRequest(request: RequestLike): LoggedRequest {
  const raw = request.raw ?? request;
  const url = raw.originalUrl ?? raw.url ?? request.url;
  return {
    id: request.id ?? raw.id,
    method: request.method ?? raw.method,
    ...(url !== undefined ? { path: withoutQuery(url) } : {}),
  };
}

interface ResponseLike {
  statusCode?: number;
  raw?: ResponseLike;
}

export function serializeResponse(response: ResponseLike): { statusCode?: number } {
  return { statusCode: response.statusCode ?? response.raw?.statusCode };
}

/** What a log line says about an error. */
export interface LoggedError {
  type: string;
  message: string;
  stack?: string;
  code?: string;
}

interface ErrorLike {
  type?: unknown;
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
}

/**
 * Type, message, stack and code only. The standard serializer copies every enumerable property, and
 * some errors carry input there (a pg error's `detail` quotes the duplicate key's value).
 */
export function serializeError(error: unknown): LoggedError | unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as ErrorLike;
  return {
    type: typeof e.type === 'string' ? e.type : typeof e.name === 'string' ? e.name : 'Error',
    message: typeof e.message === 'string' ? e.message : '',
    ...(typeof e.stack === 'string' ? { stack: e.stack } : {}),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: String(e.code) } : {}),
  };
}

export const logSerializers = { req: serializeRequest, res: serializeResponse, err: serializeError };
