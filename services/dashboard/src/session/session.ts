// Who is signed in: the token, and the roles and scope it carries (read from the JWT's payload only to
// shape the page; the services verify the signature and enforce the scope on every call).
import { ApiError } from '../api/api-client';

export interface Session {
  token: string;
  sub: string;
  roles: string[];
  scope: string[];
  /** Seconds since the epoch, when the token says. */
  expiresAt?: number;
}

const STORAGE_KEY = 'ishc.dashboard.session';

export function decodeSession(token: string): Session | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return {
      token,
      sub: typeof claims.sub === 'string' ? claims.sub : '?',
      roles: strings(claims.roles),
      scope: strings(claims.scope),
      expiresAt: typeof claims.exp === 'number' ? claims.exp : undefined,
    };
  } catch {
    return undefined;
  }
}

export function isExpired(session: Session, nowMs = Date.now()): boolean {
  return session.expiresAt !== undefined && session.expiresAt * 1000 <= nowMs;
}

/** `POST /api/auth/dev-token`; 404 means dev tokens are off on this server. */
export async function requestDevToken(sub: string, roles: string[], scope: string[]): Promise<Session> {
  const response = await fetch('/api/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub, roles, scope }),
  });
  const body = (await response.json().catch(() => undefined)) as { token?: string; detail?: string; status?: number } | undefined;
  if (!response.ok || typeof body?.token !== 'string') {
    throw new ApiError(response.status, '/api/auth/dev-token', body ? { status: response.status, detail: body.detail } : undefined);
  }
  const session = decodeSession(body.token);
  if (!session) throw new ApiError(500, '/api/auth/dev-token', { status: 500, detail: 'The token could not be read.' });
  return session;
}

/** Per browser tab: closing the tab signs out. */
export function savedSession(): Session | undefined {
  const token = sessionStorage.getItem(STORAGE_KEY);
  const session = token ? decodeSession(token) : undefined;
  return session && !isExpired(session) ? session : undefined;
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, session.token);
  else sessionStorage.removeItem(STORAGE_KEY);
}
