import type { JWTPayload } from 'jose';
import { z } from 'zod';
import { ROLES, Role, Actor } from './actor';
import { loadJose } from './jose-loader';

const ALGORITHM = 'HS256';

/** The claims an access token carries (besides `exp`); also the body of a dev-token request. */
export const actorClaimsSchema = z.object({
  sub: z.string().min(1).max(200),
  roles: z.array(z.enum(ROLES)).min(1),
  scope: z.array(z.string().min(1).max(64)).max(1000),
});

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Why a token was refused; the text is safe to show (it says nothing about the token's content). */
export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/**
 * Signs an HS256 access token with `{sub, roles, scope}`. `ttl` is a jose time span (`'1h'`, `'15m'`) or
 * seconds. Used by the gateway's and services' dev-token routes, and by tests.
 */
export async function signDevToken(
  actor: { sub: string; roles: Role[]; scope: string[] },
  secret: string,
  ttl: string | number = '8h',
): Promise<string> {
  const claims = actorClaimsSchema.parse(actor);
  const { SignJWT } = loadJose();
  return new SignJWT({ roles: claims.roles, scope: claims.scope })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(typeof ttl === 'number' ? Math.floor(Date.now() / 1000) + ttl : ttl)
    .sign(key(secret));
}

/**
 * Tokens verified already, so a caller's token costs the signature check (WebCrypto HMAC, a key import and
 * a thread-pool round trip) once and not on every request. Only verified tokens are kept, each until its
 * `exp`, and only for the secret that verified it; oldest first out past the limit.
 */
const VERIFIED_LIMIT = 1000;
const verified = new Map<string, { secret: string; actor: Actor; expiresAtMs: number }>();

/** Forgets every verified token (tests). */
export function forgetVerifiedTokens(): void {
  verified.clear();
}

/**
 * Verifies signature, algorithm and expiry, then the claims' shape; throws InvalidTokenError. A token seen
 * before answers from the cache of verified tokens, with its expiry checked as jose checks it (expired from
 * its `exp` second on).
 */
export async function verifyAccessToken(token: string, secret: string, now: () => number = Date.now): Promise<Actor> {
  const known = verified.get(token);
  if (known && known.secret === secret) {
    if (now() < known.expiresAtMs) return copyOf(known.actor);
    verified.delete(token);
    throw new InvalidTokenError('The token has expired.');
  }
  const { jwtVerify } = loadJose();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key(secret), { algorithms: [ALGORITHM], requiredClaims: ['sub', 'exp'], currentDate: new Date(now()) }));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_JWT_EXPIRED') throw new InvalidTokenError('The token has expired.');
    throw new InvalidTokenError('The token is not valid.');
  }
  const claims = actorClaimsSchema.safeParse(payload);
  if (!claims.success) throw new InvalidTokenError('The token does not carry valid sub, roles and scope claims.');
  if (verified.size >= VERIFIED_LIMIT) verified.delete(verified.keys().next().value as string);
  verified.set(token, { secret, actor: copyOf(claims.data), expiresAtMs: (payload.exp as number) * 1000 });
  return claims.data;
}

/** Each request gets its own actor: nothing one request does to it reaches another's. */
function copyOf(actor: Actor): Actor {
  return { sub: actor.sub, roles: [...actor.roles], scope: [...actor.scope] };
}
