import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { HttpRequest, HttpResponse } from '../http/http-types';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { problemFromError } from './problem-from-error';

/** The id to quote for a 500: the trace id when tracing is on, else the request id. */
function referenceIds(request: HttpRequest | undefined): { traceId?: string; requestId?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (spanContext && trace.isSpanContextValid(spanContext)) return { traceId: spanContext.traceId };
  return request?.id !== undefined ? { requestId: String(request.id) } : {};
}

export function sendProblem(response: HttpResponse, problem: ProblemDetails, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/**
 * Global filter: every error of an HTTP request becomes `application/problem+json`. Unexpected ones
 * are logged with their stack and answered with a generic 500 carrying the trace id, never the
 * error's message (which may quote input or internals).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<HttpRequest | undefined>();
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const { problem, headers, unexpected } = problemFromError(exception);
    if (unexpected) {
      const ids = referenceIds(request);
      Object.assign(problem, ids);
      const error = exception instanceof Error ? exception : new Error(`non-Error thrown: ${typeof exception}`);
      trace.getActiveSpan()?.recordException(error);
      this.logger.error({ err: error, ...ids }, 'unexpected error while handling a request');
    }
    if (response.headersSent) {
      // Too late to answer: the client gets a truncated response, the log gets the error.
      if (!unexpected) this.logger.warn({ err: exception, status: problem.status }, 'error after the response started');
      if (!response.writableEnded) response.end();
      return;
    }
    sendProblem(response, problem, headers);
  }
}
