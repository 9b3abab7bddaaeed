import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { swaggerUiDistDir } from './api-docs.http';
import { dashboardDistDir } from './dashboard.http';
import { createGateway, Gateway, routeOf } from './gateway-server';

const services = { registry: 'http://127.0.0.1:9', activities: 'http://127.0.0.1:9', microfinance: 'http://127.0.0.1:9', reporting: 'http://127.0.0.1:9' };

describe('gateway: the dashboard at /', () => {
  let dir: string;
  let gateway: Gateway;
  let base: string;

  const start = async (dashboardDir: string | undefined) => {
    gateway = createGateway({ config: { port: 0, services, devTokens: false }, swaggerUiDir: swaggerUiDistDir(), dashboardDir });
    await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dashboard-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>dashboard</title><script type="module" src="/assets/index-abc.js"></script>');
    writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log("hi")');
    writeFileSync(path.join(dir, 'assets', 'index-abc.css'), 'body{}');
    writeFileSync(path.join(dir, 'secret.txt'), 'not served');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => {
    gateway.server.closeAllConnections();
    await gateway.close();
  });

  it('serves the built index page, always revalidated, allowed to load only from this gateway', async () => {
    await start(dir);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('/assets/index-abc.js');
    expect((await fetch(`${base}/index.html`)).status).toBe(200);
  });

  it('serves hashed assets with their type, cached for good', async () => {
    await start(dir);
    const script = await fetch(`${base}/assets/index-abc.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect(await script.text()).toBe('console.log("hi")');
    expect((await fetch(`${base}/assets/index-abc.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const head = await fetch(`${base}/assets/index-abc.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('17');
  });

  it.each([
    '/assets/missing.js',
    '/assets/..%2fsecret.txt',
    '/assets/%2e%2e%2fsecret.txt',
    '/assets/.hidden.js',
    '/assets/',
    '/secret.txt',
    '/assets/index-abc.txt',
  ])('answers %s with a 404 problem (no file outside the assets, no path tricks)', async (pathname) => {
    await start(dir);
    const response = await fetch(`${base}${pathname}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('falls back to the plain home page when the dashboard is not built', async () => {
    await start(path.join(dir, 'nowhere'));
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('href="/api/docs"');
    expect(text).toContain('npm run build');
  });

  it('finds the build next to the compiled gateway, or where DASHBOARD_DIR says', () => {
    expect(dashboardDistDir({ DASHBOARD_DIR: '/srv/dashboard' })).toBe('/srv/dashboard');
    expect(dashboardDistDir({})).toBe(path.resolve(__dirname, '..', '..', 'dashboard'));
  });

  it('names the trace span of an asset by its folder', () => {
    expect(routeOf('/assets/index-abc.js')).toBe('/assets/*');
    expect(routeOf('/')).toBe('/');
  });
});
