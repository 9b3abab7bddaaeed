import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { ExpectedVersionConflictError } from '@ishc/event-store';
import { ZodError } from 'zod';
import { zodFieldErrors } from '../validation/zod-field-errors';
import { problemFromBodyParserError } from './body-parser-errors';
import { ConflictError, ServiceUnavailableError, ValidationError } from './http-errors';
import { ProblemDetails, problemType } from './problem-details';
import { ProblemError } from './problem-error';

export interface MappedProblem {
  problem: ProblemDetails;
  headers: Record<string, string>;
  /** Not an answer anyone meant to give: log it with its stack. */
  unexpected: boolean;
}

/** PostgreSQL's "try again" failures: another transaction won a race. */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);

/**
 * The database cannot serve us now (too many connections, shutting down, unreachable, pool exhausted):
 * nothing was written, and the same request may succeed shortly. 08 connection, 53 resources, 57P0x
 * shutdown; node-postgres' own pool timeout and socket errors carry no SQLSTATE.
 */
function isDatabaseUnavailable(error: unknown, state: string | undefined): boolean {
  if (state && (state.startsWith('08') || state.startsWith('53') || /^57P0[1-3]$/.test(state))) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT') return true;
  return error instanceof Error && /^timeout exceeded when trying to connect$|^Connection terminated/.test(error.message);
}

function concurrentChange(cause: unknown): ConflictError {
  return new ConflictError('The resource was changed by a concurrent request; read it again and retry.', {
    type: 'concurrent-change',
    cause,
  });
}

function isVersionConflict(error: unknown): boolean {
  // By name as well: a second copy of the event-store module (or a cycle) would defeat instanceof.
  return error instanceof ExpectedVersionConflictError || (error instanceof Error && error.name === 'ExpectedVersionConflictError');
}

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof error === 'object' && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

function fromProblemError(error: ProblemError): MappedProblem {
  return { problem: error.toProblem(), headers: error.headers, unexpected: false };
}

function slugOf(status: number): string {
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function fromHttpException(error: HttpException): MappedProblem {
  const status = error.getStatus();
  const title = STATUS_CODES[status] ?? 'Error';
  if (status === 500) return unexpectedProblem(error);
  if (status > 500) {
    // Deliberate (e.g. Nest's ServiceUnavailableException), but its message may describe internals.
    return { problem: { type: problemType(slugOf(status)), title, status, detail: title }, headers: {}, unexpected: false };
  }
  const response = error.getResponse();
  const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
  let detail = typeof message === 'string' ? message : title;
  // Nest's router answers an unknown route with "Cannot GET /path": the path is the caller's input.
  if (status === 404 && /^Cannot [A-Z]+ /.test(detail)) detail = 'No route matches this method and path.';
  const errors = Array.isArray(message) ? message.map((m) => ({ field: '(root)', message: String(m) })) : undefined;
  return {
    problem: { type: problemType(slugOf(status)), title, status, detail, ...(errors ? { errors } : {}) },
    headers: {},
    unexpected: false,
  };
}

function unexpectedProblem(_error: unknown): MappedProblem {
  return {
    problem: {
      type: problemType('internal'),
      title: 'Internal server error',
      status: 500,
      detail: 'An unexpected error occurred. It has been logged; quote the trace id when reporting it.',
    },
    headers: {},
    unexpected: true,
  };
}

/**
 * The one place that turns anything thrown under a request into problem details. Known errors keep
 * their meaning; anything else is a 500 that says nothing about the input or the internals.
 */
export function problemFromError(error: unknown): MappedProblem {
  if (error instanceof ProblemError) return fromProblemError(error);
  if (error instanceof ZodError) return fromProblemError(new ValidationError(zodFieldErrors(error)));
  if (isVersionConflict(error)) return fromProblemError(concurrentChange(error));
  const state = sqlState(error);
  if (state && RETRYABLE_SQLSTATES.has(state)) return fromProblemError(concurrentChange(error));
  if (isDatabaseUnavailable(error, state)) {
    // Logged like an unexpected error (an operator must see it), answered as "retry shortly".
    return { ...fromProblemError(new ServiceUnavailableError('The service cannot reach its database right now; retry shortly.', 2)), unexpected: true };
  }
  const bodyProblem = problemFromBodyParserError(error);
  if (bodyProblem) return fromProblemError(bodyProblem);
  if (error instanceof HttpException) return fromHttpException(error);
  return unexpectedProblem(error);
}
