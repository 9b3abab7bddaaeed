// POST /api/auth/dev-token {sub, roles, scope} → {token} (API.md § Auth). Only when dev tokens are on;
// otherwise the route does not exist (404), so a production gateway does not even reveal it.
import { IncomingMessage, ServerResponse } from 'node:http';
import { FieldError } from '@ishc/platform';
import { notFound, sendJson, sendProblem } from './problem-response';
import { readJsonBody } from './read-json-body';

export type DevTokenResult = { token: string } | { errors: FieldError[] };

/** Checks the requested claims and signs them (dev-token-issuer.ts; tests may pass their own). */
export interface DevTokenIssuer {
  issue(body: unknown): Promise<DevTokenResult>;
}

const BODY_LIMIT_BYTES = 16 * 1024;

export async function handleDevToken(
  req: IncomingMessage,
  res: ServerResponse,
  issuer: DevTokenIssuer | undefined,
): Promise<void> {
  if (!issuer) {
    sendProblem(res, notFound('Dev tokens are off here (DEV_TOKENS=false).'));
    return;
  }
  if (req.method !== 'POST') {
    req.resume();
    sendProblem(
      res,
      { status: 405, slug: 'method-not-allowed', title: 'Method not allowed', detail: 'Use POST.' },
      { allow: 'POST' },
    );
    return;
  }
  const body = await readJsonBody(req, BODY_LIMIT_BYTES);
  if (!body.ok) {
    sendProblem(res, body.problem, body.problem.status === 413 ? { connection: 'close' } : {});
    return;
  }
  const result = await issuer.issue(body.value);
  if ('token' in result) {
    sendJson(res, 200, { token: result.token }, { 'cache-control': 'no-store' });
    return;
  }
  const count = result.errors.length;
  sendProblem(res, {
    status: 400,
    slug: 'validation',
    title: 'Invalid request',
    detail: `${count} invalid field${count === 1 ? '' : 's'}.`,
    errors: result.errors,
  });
}
