import request from 'supertest';
import { describeWith } from '@ishc/testing';
import { TestApp, startTestApp } from '../spec-support/test-app';
import { HealthRegistry } from './health-registry';

const METRICS_TOKEN = 'scrape-token-of-at-least-32-characters';

describeWith(['postgres'], 'liveness, readiness holds and the metrics scrape token', () => {
  let t: TestApp;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN });
    http = request(t.app.getHttpServer());
  });
  afterAll(() => t.close());

  it('answers liveness at /health and /health/live, whatever readiness says', async () => {
    const end = t.app.get(HealthRegistry).beginRebuild('x');
    try {
      expect((await http.get('/api/registry/health/live')).body).toEqual({ status: 'ok' });
      expect((await http.get('/api/registry/health')).status).toBe(200);
    } finally {
      end();
    }
  });

  it('is not ready while a projection rebuilds, and says so in a gauge', async () => {
    const health = t.app.get(HealthRegistry);
    const end = health.beginRebuild('indicators');
    const during = await http.get('/api/registry/health/ready');
    expect(during.status).toBe(503);
    expect(during.body.checks).toMatchObject({ database: { status: 'up' }, 'rebuild:indicators': { status: 'down' } });
    const metrics = await http.get('/api/registry/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(metrics.text).toMatch(/ishc_projection_rebuilding\{[^}]*projection="indicators"[^}]*\} 1/);

    end();
    end(); // twice is harmless
    const after = await http.get('/api/registry/health/ready');
    expect(after.status).toBe(200);
    expect(after.body.checks).toEqual({ database: { status: 'up' } });
    const later = await http.get('/api/registry/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(later.text).toMatch(/ishc_projection_rebuilding\{[^}]*projection="indicators"[^}]*\} 0/);
  });

  it('serves /metrics with METRICS_TOKEN or an admin token, and nothing without one', async () => {
    expect((await http.get('/api/registry/metrics')).status).toBe(401);
    expect((await http.get('/api/registry/metrics').set('Authorization', 'Bearer not-the-scrape-token-but-as-long-as-it')).status).toBe(401);
    expect((await http.get('/api/registry/metrics').set('Authorization', `Bearer ${await t.token()}`)).status).toBe(403);
    const scraped = await http.get('/api/registry/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(scraped.status).toBe(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain/);
    expect(scraped.text).toContain('# TYPE http_server_request_duration_seconds histogram');
    expect((await http.get('/api/registry/metrics').set('Authorization', `Bearer ${await t.token(['admin'], [])}`)).status).toBe(200);
  });

  it('turns unready when shutdown begins, before the server stops accepting', async () => {
    t.app.get(HealthRegistry).beforeApplicationShutdown();
    const ready = await http.get('/api/registry/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.shutting_down).toEqual({ status: 'down' });
  });
});
