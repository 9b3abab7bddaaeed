import request from 'supertest';
import { signDevToken } from './auth/access-token';
import { HealthRegistry } from './health/health-registry';
import { TEST_SECRET, TestApp, startTestApp } from './spec-support/test-app';
import { describeWith } from '@ishc/testing';

const PROBLEM_JSON = /^application\/problem\+json/;

describeWith(['postgres'], 'a service app built by createServiceApp', () => {
  let t: TestApp;
  let http: ReturnType<typeof request>;
  let officer: string;

  beforeAll(async () => {
    t = await startTestApp();
    http = request(t.app.getHttpServer());
    officer = await t.token(['commune_officer'], ['001']);
  });
  afterAll(() => t.close());

  describe('input errors', () => {
    it('answers 400 listing every invalid field of a zod-validated body', async () => {
      const res = await http
        .post('/api/registry/widgets')
        .set('Authorization', `Bearer ${officer}`)
        .send({ name: '', count: 'three', plantedOn: '2023-02-29', tags: ['ok', 'too long'], colour: 'red' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ type: 'urn:ishc:problem:validation', title: 'Invalid request', status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'count', 'name', 'plantedOn', 'tags.1']);
    });

    it('answers 400 for malformed JSON without quoting the body', async () => {
      const res = await http
        .post('/api/registry/widgets')
        .set('Authorization', `Bearer ${officer}`)
        .set('Content-Type', 'application/json')
        .send('{"name": "Nguyễn", oops');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ type: 'urn:ishc:problem:malformed-body', status: 400, detail: 'The request body is not valid JSON.' });
      expect(res.text).not.toMatch(/Nguy|oops/);
    });

    it('answers 413 as problem+json for a body over the limit', async () => {
      const res = await http
        .post('/api/registry/widgets')
        .set('Authorization', `Bearer ${officer}`)
        .send({ name: 'x'.repeat(4096), count: 1, plantedOn: '2024-01-01' });
      expect(res.status).toBe(413);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ type: 'urn:ishc:problem:payload-too-large', status: 413 });
    });

    it('answers 404 for an unknown route without echoing the path', async () => {
      const res = await http.get('/api/registry/members/001234567890').set('Authorization', `Bearer ${officer}`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.text).not.toContain('001234567890');
    });

    it('answers a NotFoundError with its detail', async () => {
      const res = await http.get('/api/registry/widgets/999999').set('Authorization', `Bearer ${officer}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ type: 'urn:ishc:problem:not-found', title: 'Not found', status: 404, detail: 'No widget 999999.' });
    });
  });

  describe('authentication and authorization', () => {
    it('answers 401 without a token', async () => {
      const res = await http.get('/api/registry/whoami');
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.body).toMatchObject({ type: 'urn:ishc:problem:unauthorized', status: 401 });
    });

    it('answers 401 for a token signed with another key, an expired one, or garbage', async () => {
      const forged = await signDevToken({ sub: 'x', roles: ['admin'], scope: [] }, 'another-secret-of-at-least-32-chars!!');
      const expired = await signDevToken({ sub: 'x', roles: ['admin'], scope: [] }, TEST_SECRET, -60);
      for (const authorization of [`Bearer ${forged}`, `Bearer ${expired}`, 'Bearer not.a.jwt', `Basic ${officer}`]) {
        const res = await http.get('/api/registry/whoami').set('Authorization', authorization);
        expect(res.status).toBe(401);
      }
      const res = await http.get('/api/registry/whoami').set('Authorization', `Bearer ${expired}`);
      expect(res.body.detail).toBe('The token has expired.');
    });

    it('sets request.user from the token’s claims', async () => {
      const res = await http.get('/api/registry/whoami').set('Authorization', `Bearer ${officer}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ sub: 'user-1', roles: ['commune_officer'], scope: ['001'] });
    });

    it('answers 403 when no role of @Roles() is held; admin passes', async () => {
      const denied = await http.get('/api/registry/officers-only').set('Authorization', `Bearer ${officer}`);
      expect(denied.status).toBe(403);
      expect(denied.headers['content-type']).toMatch(PROBLEM_JSON);
      const admin = await t.token(['admin'], []);
      expect((await http.get('/api/registry/officers-only').set('Authorization', `Bearer ${admin}`)).status).toBe(200);
    });

    it('answers 403 for a unit outside the caller’s scope on the date; admin ignores scope', async () => {
      const inside = await http.get('/api/registry/units/00001?asOf=2024-05-01').set('Authorization', `Bearer ${officer}`);
      expect(inside.status).toBe(200);
      const outside = await http.get('/api/registry/units/002?asOf=2024-05-01').set('Authorization', `Bearer ${officer}`);
      expect(outside.status).toBe(403);
      expect(outside.body).toMatchObject({
        type: 'urn:ishc:problem:out-of-scope',
        status: 403,
        detail: 'Org unit 002 is outside your scope on 2024-05-01.',
      });
      const admin = await t.token(['admin'], []);
      expect((await http.get('/api/registry/units/002?asOf=2024-05-01').set('Authorization', `Bearer ${admin}`)).status).toBe(200);
    });

    it('issues dev tokens that the guard accepts', async () => {
      const issued = await http.post('/api/registry/auth/dev-token').send({ sub: 'dev', roles: ['auditor'], scope: ['01'] });
      expect(issued.status).toBe(200);
      const res = await http.get('/api/registry/whoami').set('Authorization', `Bearer ${issued.body.token}`);
      expect(res.body).toEqual({ sub: 'dev', roles: ['auditor'], scope: ['01'] });
      const invalid = await http.post('/api/registry/auth/dev-token').send({ sub: 'dev', roles: ['king'] });
      expect(invalid.status).toBe(400);
      expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['roles.0', 'scope']);
    });
  });

  describe('unexpected errors', () => {
    it('answers 500 with a generic detail and a reference, never the error’s message', async () => {
      const res = await http.get('/api/registry/boom').set('Authorization', `Bearer ${officer}`);
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ type: 'urn:ishc:problem:internal', status: 500 });
      expect(res.body.traceId ?? res.body.requestId).toEqual(expect.any(String));
      expect(res.text).not.toMatch(/Nguy|001234567890|internal detail/);
    });

    it('answers 409 for an event-store version conflict', async () => {
      const res = await http.post('/api/registry/stale').set('Authorization', `Bearer ${officer}`);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ type: 'urn:ishc:problem:concurrent-change', status: 409 });
      expect(res.text).not.toContain('club-1');
    });
  });

  describe('writes', () => {
    it('answers a write with the consistency token of its last append', async () => {
      const res = await http
        .post('/api/registry/widgets')
        .set('Authorization', `Bearer ${officer}`)
        .send({ name: 'plain', count: 1, plantedOn: '2024-02-29' });
      expect(res.status).toBe(201);
      expect(res.headers['x-consistency-token']).toMatch(new RegExp(`^registry:\\d+:${res.body.id}$`));
    });
  });

  describe('health, docs and metrics', () => {
    it('serves liveness and readiness without a token', async () => {
      expect((await http.get('/api/registry/health')).body).toEqual({ status: 'ok' });
      const ready = await http.get('/api/registry/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toEqual({ status: 'ok', checks: { database: { status: 'up' } } });
    });

    it('answers 503 with each check’s status when a registered check fails', async () => {
      t.app.get(HealthRegistry).register('kafka', async () => {
        throw new Error('broker down');
      });
      const ready = await http.get('/api/registry/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'unavailable', checks: { database: { status: 'up' }, kafka: { status: 'down' } } });
      t.app.get(HealthRegistry).register('kafka', async () => undefined);
    });

    it('serves the OpenAPI document publicly, with bearer auth', async () => {
      const res = await http.get('/api/registry/docs-json');
      expect(res.status).toBe(200);
      expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/registry/widgets', '/api/registry/health']));
    });

    it('serves metrics to admins only, by route template', async () => {
      expect((await http.get('/api/registry/metrics').set('Authorization', `Bearer ${officer}`)).status).toBe(403);
      await http.get('/api/registry/widgets/1').set('Authorization', `Bearer ${officer}`);
      const admin = await t.token(['admin'], []);
      const res = await http.get('/api/registry/metrics').set('Authorization', `Bearer ${admin}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('route="/api/registry/widgets/:id"');
      expect(res.text).not.toContain('route="/api/registry/widgets/1"');
      // Unknown paths share one series (earlier tests requested one).
      expect(res.text).toMatch(/http_server_request_duration_seconds_count\{[^}]*route="unmatched",status_code="404"\}/);
    });
  });
});

describeWith(['postgres'], 'dev tokens switched off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEV_TOKENS: 'false' });
  });
  afterAll(() => t.close());

  it('answers 404 as if the route did not exist', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/api/registry/auth/dev-token')
      .send({ sub: 'dev', roles: ['admin'], scope: [] });
    expect(res.status).toBe(404);
  });
});
