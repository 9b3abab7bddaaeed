import { ApiResponse, apiClient } from './api-client';
import { defineTraCuUnits } from './org-units';
import { PlatformUnderTest } from './platform-under-test';

interface Indicators {
  orgUnit: string;
  scope: string[];
  indicators: Array<{ code: string; value: number | null; numerator: number; denominator: number | null }>;
}

/**
 * Foundation issue, "one slice end to end": org units and a club written to the registry over HTTP
 * through the gateway show up in reporting's indicators, read with the write's consistency token (no
 * sleeps). Shared by the embedded and the Kafka runs: both transports must give the same answers.
 */
/**
 * A read with consistentWith waits up to 10 s, then answers 503 with Retry-After (API.md). A client retries
 * then; so does this test, a bounded number of times (on a loaded 2-core CI machine a fresh Kafka consumer
 * group can take that long to join).
 */
async function readHonouringRetryAfter<T>(read: () => Promise<ApiResponse<T>>, attempts = 3): Promise<ApiResponse<T>> {
  for (let attempt = 1; ; attempt++) {
    const res = await read();
    if (res.status !== 503 || attempt >= attempts) return res;
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(res.headers.get('retry-after') ?? '1')));
  }
}

export function clubToIndicatorScenario(platform: () => PlatformUnderTest): void {
  it('a club created over HTTP shows up in GET /api/reporting/indicators read with consistentWith', async () => {
    const api = apiClient(platform().gateway.url, await platform().token());
    await defineTraCuUnits(api);

    const club = await api.post<{ id: string }>('/api/registry/clubs', { name: 'CLB Liên thế hệ ấp Chợ', communeCode: '29461', establishedOn: '2021-06-01' });
    expect(club.status).toBe(201);
    const token = club.headers.get('x-consistency-token');
    expect(token).toMatch(/^registry:\d+:\d+$/);

    const read = await readHonouringRetryAfter(() => api.get<Indicators>(`/api/reporting/indicators?orgUnit=849&asOf=2021-12-31&consistentWith=${token}`));
    expect(read.status).toBe(200);
    expect(read.body.scope).toEqual(['29461', '29462']);
    expect(read.body.indicators).toEqual(
      expect.arrayContaining([
        { code: 'communes_with_club_pct', value: 50, numerator: 1, denominator: 2 },
        { code: 'clubs_active', value: 1, numerator: 1, denominator: null },
        { code: 'clubs_with_both_funds_pct', value: 0, numerator: 0, denominator: 1 },
      ]),
    );
  });

  it('bad input is a 400 listing every field, no token 401, out of scope 403 — never 500', async () => {
    const api = apiClient(platform().gateway.url, await platform().token());
    const bad = await api.post<{ errors: Array<{ field: string }> }>('/api/registry/clubs', { name: '', communeCode: null, establishedOn: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['communeCode', 'establishedOn', 'name']);
    const anonymous = await fetch(`${platform().gateway.url}/api/registry/clubs`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    const elsewhere = apiClient(platform().gateway.url, await platform().token(['commune_officer'], ['29462']));
    expect((await elsewhere.post('/api/registry/clubs', { name: 'CLB', communeCode: '29461', establishedOn: '2022-01-01' })).status).toBe(403);
    expect((await elsewhere.get('/api/reporting/indicators?orgUnit=849&asOf=2022-01-01')).status).toBe(403);
  });
}
