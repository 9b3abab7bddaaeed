// The rebuild command's logic: asks reporting to rebuild its read models (POST /api/reporting/rebuilds)
// and follows the new generation until it is active (or abandoned), saying how far it has got.

export interface RebuildOptions {
  /** The gateway (or reporting itself): `/api/reporting/…` is appended. */
  baseUrl: string;
  /** A bearer token with the admin role; without one, a dev token is asked for (embedded mode). */
  token?: string;
  say(line: string): void;
  pollMs?: number;
}

export interface Generation {
  number: number;
  state: 'building' | 'active' | 'retired' | 'abandoned';
  failure: string | null;
  progress?: Array<{ source: string; partition: string; lag: number | null }> | null;
}

export async function rebuildReadModels(options: RebuildOptions): Promise<Generation> {
  const token = options.token ?? (await devToken(options.baseUrl));
  const headers = { authorization: `Bearer ${token}` };
  const started = await fetch(`${options.baseUrl}/api/reporting/rebuilds`, { method: 'POST', headers });
  if (started.status !== 202) throw new Error(`POST /api/reporting/rebuilds → ${started.status}: ${await started.text()}`);
  let generation = (await started.json()) as Generation;
  options.say(`rebuilding reporting's read models into generation ${generation.number}; the current ones serve meanwhile`);
  while (generation.state === 'building') {
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
    const res = await fetch(`${options.baseUrl}/api/reporting/rebuilds/${generation.number}`, { headers });
    if (!res.ok) throw new Error(`GET /api/reporting/rebuilds/${generation.number} → ${res.status}: ${await res.text()}`);
    generation = (await res.json()) as Generation;
    const left = (generation.progress ?? []).reduce((sum, p) => sum + (p.lag ?? 0), 0);
    if (generation.state === 'building') options.say(`  … ${left} events left to project`);
  }
  if (generation.state !== 'active') throw new Error(`generation ${generation.number} was ${generation.state}: ${generation.failure ?? 'no reason given'}`);
  options.say(`generation ${generation.number} is active: every read now uses the rebuilt read models`);
  return generation;
}

async function devToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: 'operator', roles: ['admin'], scope: ['VN'] }),
  });
  if (res.status === 404) throw new Error('dev tokens are off here: set ISHC_TOKEN to a bearer token with the admin role');
  if (!res.ok) throw new Error(`POST /api/auth/dev-token → ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}
