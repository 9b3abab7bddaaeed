import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ServiceName } from '@ishc/contracts';
import { swaggerUiDistDir } from './api-docs.http';
import { verifyAccessToken } from '@ishc/platform';
import { devTokenIssuer } from './dev-token-issuer';
import { GatewayConfig } from './gateway-config';
import { createGateway, Gateway, routeOf, serviceOf } from './gateway-server';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Echoed {
  service: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}
interface ProblemBody {
  type: string;
  status: number;
  errors: { field: string; message: string }[];
}
interface MergedDocument {
  paths: Record<string, Record<string, { operationId: string }>>;
  'x-ishc-missing-services': { service: string; reason: string }[];
}

async function json<T>(response: Response | Promise<Response>): Promise<T> {
  return (await (await response).json()) as T;
}

async function listen(handler: Handler): Promise<http.Server> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
const urlOf = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
/** Closes at once, keep-alive connections included (a test has no requests worth waiting for). */
const close = (server: http.Server) =>
  new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections();
  });

/** Answers with what it received, so a test can see what the gateway forwarded. */
const echo =
  (service: string): Handler =>
  (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url?.endsWith('/health/ready')) {
        res.writeHead(service === 'reporting' ? 503 : 200).end();
        return;
      }
      const body = JSON.stringify({ service, method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.writeHead(req.url?.includes('created') ? 201 : 200, { 'content-type': 'application/json', 'x-consistency-token': `${service}:1:2`, 'set-cookie': ['a=1', 'b=2'] });
      res.end(body);
    });
  };

describe('gateway', () => {
  const upstreams: http.Server[] = [];
  let gateway: Gateway;
  let base: string;
  let downUrl: string;
  const jwtSecret = 'x'.repeat(32);

  const start = async (overrides: Partial<GatewayConfig> = {}, devTokens = true) => {
    const config: GatewayConfig = {
      port: 0,
      services: {
        registry: urlOf(upstreams[0]),
        activities: urlOf(upstreams[1]),
        microfinance: downUrl, // nothing listens there
        reporting: urlOf(upstreams[2]),
      },
      devTokens,
      jwtSecret,
      ...overrides,
    };
    gateway = createGateway({ config, devTokens: devTokens ? devTokenIssuer(jwtSecret) : undefined, swaggerUiDir: swaggerUiDistDir() });
    await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve));
    base = urlOf(gateway.server);
  };

  beforeAll(async () => {
    upstreams.push(await listen(echo('registry')), await listen(echo('activities')), await listen(echo('reporting')));
    const closed = await listen(() => undefined);
    downUrl = urlOf(closed);
    await close(closed);
  });
  afterAll(async () => {
    await Promise.all(upstreams.map(close));
  });
  afterEach(async () => {
    gateway.server.closeAllConnections();
    await gateway.close();
  });

  describe('routing to the services', () => {
    beforeEach(() => start());

    it('forwards method, path, query, headers (traceparent included) and body unchanged', async () => {
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      const response = await fetch(`${base}/api/registry/clubs?orgUnit=VN&asOf=2025-01-01`, {
        method: 'POST',
        headers: { traceparent, authorization: 'Bearer abc', 'idempotency-key': 'k1', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Câu lạc bộ' }),
      });
      const seen = await json<Echoed>(response);
      expect(response.status).toBe(200);
      expect(seen).toMatchObject({
        service: 'registry',
        method: 'POST',
        url: '/api/registry/clubs?orgUnit=VN&asOf=2025-01-01',
        body: JSON.stringify({ name: 'Câu lạc bộ' }),
        headers: { traceparent, authorization: 'Bearer abc', 'idempotency-key': 'k1', 'content-type': 'application/json' },
      });
      expect(seen.headers['x-forwarded-for']).toBeDefined();
    });

    it('returns the service’s status and headers', async () => {
      const response = await fetch(`${base}/api/activities/created`, { method: 'PUT', body: '{}' });
      expect(response.status).toBe(201);
      expect(response.headers.get('x-consistency-token')).toBe('activities:1:2');
      expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    });

    it('routes each prefix to its own service, and only whole path segments', async () => {
      expect((await json<Echoed>(fetch(`${base}/api/reporting/indicators`))).service).toBe('reporting');
      expect((await json<Echoed>(fetch(`${base}/api/activities`))).service).toBe('activities');
      const lookalike = await fetch(`${base}/api/registryx/clubs`);
      expect(lookalike.status).toBe(404);
      expect(lookalike.headers.get('content-type')).toBe('application/problem+json');
    });

    it('answers 502 problem+json when the service is down', async () => {
      const response = await fetch(`${base}/api/microfinance/loans`);
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 502, title: 'Bad gateway', detail: expect.stringContaining('microfinance') });
    });

    it('streams: the client gets the first bytes before the service has finished', async () => {
      let finish: () => void = () => undefined;
      const slow = await listen((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first;');
        finish = () => res.end('last');
      });
      gateway.server.closeAllConnections();
      await gateway.close();
      await start({ services: { ...(await currentServices()), registry: urlOf(slow) } });
      const first = await new Promise<string>((resolve) => {
        http.get(`${base}/api/registry/export`, (res) => res.once('data', (chunk: Buffer) => resolve(chunk.toString())));
      });
      expect(first).toBe('first;');
      finish();
      await close(slow);
    });

    it('carries large bodies intact', async () => {
      const big = 'x'.repeat(3 * 1024 * 1024);
      const seen = await json<Echoed>(fetch(`${base}/api/registry/imports/members`, { method: 'POST', body: big }));
      expect(seen.body.length).toBe(big.length);
    });
  });

  async function currentServices(): Promise<Record<ServiceName, string>> {
    return { registry: urlOf(upstreams[0]), activities: urlOf(upstreams[1]), microfinance: downUrl, reporting: urlOf(upstreams[2]) };
  }

  describe('POST /api/auth/dev-token', () => {
    const post = (body: string) => fetch(`${base}/api/auth/dev-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    it('signs the requested claims with JWT_SECRET when dev tokens are on', async () => {
      await start();
      const response = await post(JSON.stringify({ sub: 'dev-admin', roles: ['admin'], scope: ['VN'] }));
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const { token } = await json<{ token: string }>(response);
      expect(await verifyAccessToken(token, jwtSecret)).toEqual({ sub: 'dev-admin', roles: ['admin'], scope: ['VN'] });
      await expect(verifyAccessToken(token, 'y'.repeat(32))).rejects.toThrow('not valid');
    });

    it('lists every bad field in a 400 problem', async () => {
      await start();
      const response = await post(JSON.stringify({ sub: '', roles: ['admin', 'king'], scope: 'VN' }));
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = await json<ProblemBody>(response);
      expect(problem).toMatchObject({ type: 'urn:ishc:problem:validation', status: 400 });
      expect(problem.errors.map((e) => e.field)).toEqual(['sub', 'roles.1', 'scope']);
    });

    it.each([
      ['missing fields', '{}', ['sub', 'roles', 'scope']],
      ['not an object', '[1]', ['(root)']],
    ])('400 for %s', async (_case, body, fields) => {
      await start();
      const problem = await json<ProblemBody>(post(body));
      expect(problem.errors.map((e) => e.field)).toEqual(fields);
    });

    it('400 for a body that is not JSON, 413 for one too large', async () => {
      await start();
      expect((await post('{nope')).status).toBe(400);
      expect((await post(JSON.stringify({ sub: 'x'.repeat(20_000) }))).status).toBe(413);
    });

    it('is 404 when dev tokens are off', async () => {
      await start({ devTokens: false }, false);
      const response = await post(JSON.stringify({ sub: 'a', roles: ['admin'], scope: [] }));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    });
  });

  describe('its own pages', () => {
    beforeEach(() => start());

    it('reports its liveness and each service’s readiness', async () => {
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({
        status: 'degraded',
        gateway: 'up',
        services: {
          registry: { ready: true, httpStatus: 200 },
          activities: { ready: true, httpStatus: 200 },
          microfinance: { ready: false, error: 'ECONNREFUSED' },
          reporting: { ready: false, httpStatus: 503 },
        },
      });
      expect((await fetch(`${base}/api/health/ready`)).status).toBe(503);
    });

    it('serves the API docs UI from local files, with each service selectable', async () => {
      const page = await fetch(`${base}/api/docs`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('/api/docs/swagger-ui-bundle.js');
      const bundle = await fetch(`${base}/api/docs/swagger-ui-bundle.js`);
      expect(bundle.status).toBe(200);
      expect((await bundle.text()).length).toBeGreaterThan(100_000);
      const init = await (await fetch(`${base}/api/docs/swagger-initializer.js`)).text();
      expect(init).toContain('"url":"/api/docs-json"');
      expect(init).toContain('"url":"/api/registry/docs-json"');
      expect((await fetch(`${base}/api/docs/package.json`)).status).toBe(404);
    });

    it('links to the docs from /', async () => {
      expect(await (await fetch(`${base}/`)).text()).toContain('href="/api/docs"');
    });

    it('answers unknown paths with a 404 problem', async () => {
      const response = await fetch(`${base}/nowhere`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ type: 'urn:ishc:problem:not-found', status: 404 });
    });
  });

  it('serves the merged OpenAPI document, naming the services that did not answer', async () => {
    const docs = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ openapi: '3.0.0', info: { title: 'registry', version: '0.1.0' }, paths: { '/api/registry/clubs': { get: { operationId: 'list' } } } }));
    });
    await start({ services: { ...(await currentServices()), registry: urlOf(docs) } });
    const merged = await json<MergedDocument>(fetch(`${base}/api/docs-json`));
    expect(Object.keys(merged.paths)).toEqual(['/api/registry/clubs']);
    expect(merged.paths['/api/registry/clubs'].get.operationId).toBe('registry_list');
    expect(merged['x-ishc-missing-services']).toEqual([{ service: 'microfinance', reason: 'ECONNREFUSED' }]);
    await close(docs);
  });
});

describe('serviceOf', () => {
  it.each([
    ['/api/registry', 'registry'],
    ['/api/registry/', 'registry'],
    ['/api/reporting/indicators', 'reporting'],
    ['/api/registryx', undefined],
    ['/api/auth/dev-token', undefined],
    ['/registry/clubs', undefined],
  ])('%s → %s', (path, service) => expect(serviceOf(path)).toBe(service));
});

describe('routeOf (the name of a request’s trace span)', () => {
  it.each([
    ['/api/registry/clubs/123', '/api/registry/*'],
    ['/api/docs/swagger-ui.css', '/api/docs/*'],
    ['/api/auth/dev-token', '/api/auth/dev-token'],
    ['/api/health', '/api/health'],
    ['/nowhere', undefined],
  ])('%s → %s', (path, route) => expect(routeOf(path)).toBe(route));
});
