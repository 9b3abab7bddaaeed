import { IncomingMessage, ServerResponse } from 'node:http';
import { Actor } from '../auth/actor';

// The parts of Express's request and response the platform uses. Express 5 ships no types, and these
// few members are all we rely on, so they are described here rather than pulled in with @types/express.

export interface HttpRequest extends IncomingMessage {
  method: string;
  originalUrl: string;
  body?: unknown;
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** Set by Express once a route matched: its template, e.g. `/api/registry/members/:id`. */
  route?: { path?: unknown };
  /** Set by the auth guard on every non-public route. */
  user?: Actor;
}

export interface HttpResponse extends ServerResponse {
  status(code: number): this;
  type(contentType: string): this;
  send(body?: unknown): this;
}

/** A request the auth guard let through: `user` is set. */
export interface AuthenticatedRequest extends HttpRequest {
  user: Actor;
}
