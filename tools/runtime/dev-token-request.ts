// The launchers print a ready-to-use admin token. They ask the gateway for it (rather than signing it
// themselves), so the token printed is exactly what POST /api/auth/dev-token gives anyone else.

export const DEV_ADMIN = { sub: 'dev-admin', roles: ['admin'], scope: ['VN'] };

export async function requestDevToken(gatewayUrl: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEV_ADMIN),
    signal: AbortSignal.timeout(5000),
  });
  const body: unknown = await response.json().catch(() => undefined);
  const token = typeof body === 'object' && body !== null ? Reflect.get(body, 'token') : undefined;
  if (!response.ok || typeof token !== 'string') {
    throw new Error(`the gateway answered ${response.status} to POST /api/auth/dev-token`);
  }
  return token;
}
