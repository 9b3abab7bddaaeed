// Dev tokens exactly as the services' own dev-token route makes them (@ishc/platform): the same claim
// rules ({sub, roles, scope}, every bad field listed), HS256 with JWT_SECRET, the same lifetime.
import { actorClaimsSchema, DEV_TOKEN_TTL, signDevToken, zodFieldErrors } from '@ishc/platform';
import { DevTokenIssuer, DevTokenResult } from './dev-token.http';

export function devTokenIssuer(jwtSecret: string): DevTokenIssuer {
  return {
    async issue(body: unknown): Promise<DevTokenResult> {
      const claims = actorClaimsSchema.safeParse(body);
      if (!claims.success) return { errors: zodFieldErrors(claims.error) };
      return { token: await signDevToken(claims.data, jwtSecret, DEV_TOKEN_TTL) };
    },
  };
}
