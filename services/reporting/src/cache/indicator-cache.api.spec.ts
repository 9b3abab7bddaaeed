import Redis from 'ioredis';
import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { ReportingTestApp, startReporting } from '../spec-support/reporting-test-app';
import { IndicatorCache, indicatorCacheLookups } from './indicator-cache';

describe('the indicator cache key', () => {
  it('does not depend on the order of its parts, and changes with any of them (the projection version included)', () => {
    const key = IndicatorCache.keyOf({ kind: 'indicators', projectionVersion: 'x/registry:4' });
    expect(IndicatorCache.keyOf({ projectionVersion: 'x/registry:4', kind: 'indicators' })).toBe(key);
    expect(IndicatorCache.keyOf({ kind: 'indicators', projectionVersion: 'x/registry:5' })).not.toBe(key);
    expect(key).toMatch(/^ishc:reporting:answers:v1:[0-9a-f]{64}$/);
  });
});

describeWith(['postgres', 'redis'], 'GET /api/reporting/indicators through the Redis cache (stack mode)', () => {
  let t: ReportingTestApp;
  let admin: string;
  let redis: Redis;
  const url = process.env.TEST_REDIS_URL as string;
  const get = (query: string) => request(t.app.getHttpServer()).get(`/api/reporting/indicators?${query}`).set('Authorization', `Bearer ${admin}`);
  const clubsActive = (res: request.Response) => res.body.indicators.find((i: { code: string }) => i.code === 'clubs_active').value;
  const cachedKeys = async () => (await redis.keys('ishc:reporting:answers:v1:*')).length;

  beforeAll(async () => {
    redis = new Redis(url);
    t = await startReporting({ redisUrl: url });
    admin = await t.token();
    await t.defineUnit({ code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02', validTo: null });
    await t.defineUnit({ code: '849', name: 'Huyện Trà Cú', level: 'district', parentCode: 'VN', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '29461', name: 'Thị trấn Trà Cú', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: null });
  });
  afterAll(async () => {
    await t?.close();
    await redis?.quit();
  });

  it('uses Redis when REDIS_URL is set, and says so in GET /status with the hits and misses', async () => {
    expect(t.app.get(IndicatorCache).store.kind).toBe('redis');
    const status = await request(t.app.getHttpServer()).get('/api/reporting/status').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(status.body.cache).toEqual({ store: 'redis', ...indicatorCacheLookups() });
  });

  it('answers a repeated question from Redis (a hit), and a question after a new write afresh (never stale)', async () => {
    const { token } = await t.establishClub('29461', '2024-01-01');
    const first = await get(`orgUnit=849&asOf=2024-12-31&consistentWith=${token}`).expect(200);
    const keysAfterFirst = await cachedKeys();
    const before = indicatorCacheLookups();
    const second = await get('orgUnit=849&asOf=2024-12-31').expect(200);
    expect(second.body).toEqual(first.body);
    expect(indicatorCacheLookups()).toEqual({ hits: before.hits + 1, misses: before.misses });
    // The same lookups feed the cache-hit-rate metric operators scrape.
    const metrics = await request(t.app.getHttpServer()).get('/api/reporting/metrics').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(metrics.text).toMatch(/^ishc_cache_lookups_total\{[^}]*cache="indicators"[^}]*result="hit"[^}]*\} [1-9]/m);
    expect(keysAfterFirst).toBeGreaterThan(0);

    // A new club: the projection version moves, so the same question is a new key.
    const next = await t.establishClub('29461', '2024-06-01');
    const third = await get(`orgUnit=849&asOf=2024-12-31&consistentWith=${next.token}`).expect(200);
    expect([clubsActive(first), clubsActive(third)]).toEqual([1, 2]);
    expect(indicatorCacheLookups().misses).toBe(before.misses + 1);
    expect(await cachedKeys()).toBeGreaterThan(keysAfterFirst);
  });
});
