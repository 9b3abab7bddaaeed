// Writes RFC 9457 problem details on a plain Node response, in the platform's shape (@ishc/platform's
// problem types and content type; its own sendProblem is for Nest's express responses).
import { ServerResponse } from 'node:http';
import { FieldError, PROBLEM_CONTENT_TYPE, problemType } from '@ishc/platform';

export interface Problem {
  status: number;
  /** The type's last part: `urn:ishc:problem:<slug>`. */
  slug: string;
  title: string;
  detail: string;
  errors?: FieldError[];
}

export function sendProblem(res: ServerResponse, problem: Problem, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({
    type: problemType(problem.slug),
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    ...(problem.errors ? { errors: problem.errors } : {}),
  });
  res.writeHead(problem.status, {
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

export function notFound(detail = 'No route here. The API lives under /api/<service>/…; see /api/docs.'): Problem {
  return { status: 404, slug: 'not-found', title: 'Not found', detail };
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}
