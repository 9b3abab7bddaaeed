import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ServiceProxy } from './service-proxy';

// A service that closes a kept-alive connection just as the gateway sends its next request on it: the race
// between the service's idle timeout and the gateway's reuse, made to happen on every second request of a
// connection. Nothing of such a request reached the service's handler.
async function serviceClosingReusedConnections(): Promise<{ server: http.Server; url: string; handled: string[] }> {
  const handled: string[] = [];
  const requestsOn = new WeakMap<object, number>();
  const server = http.createServer((req, res) => {
    const n = (requestsOn.get(req.socket) ?? 0) + 1;
    requestsOn.set(req.socket, n);
    if (n > 1) {
      req.socket.destroy();
      return;
    }
    handled.push(`${req.method} ${req.url}`);
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, handled };
}

async function gatewayTo(serviceUrl: string): Promise<{ gateway: http.Server; url: string; proxy: ServiceProxy }> {
  const proxy = new ServiceProxy();
  const gateway = http.createServer((req, res) => proxy.forward(req, res, 'reporting', serviceUrl));
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  return { gateway, url: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`, proxy };
}

describe('ServiceProxy on a kept-alive connection the service has just closed', () => {
  let service: Awaited<ReturnType<typeof serviceClosingReusedConnections>>;
  let front: Awaited<ReturnType<typeof gatewayTo>>;

  beforeEach(async () => {
    service = await serviceClosingReusedConnections();
    front = await gatewayTo(service.url);
  });

  afterEach(async () => {
    front.proxy.close();
    front.gateway.closeAllConnections();
    service.server.closeAllConnections();
    await Promise.all([new Promise((r) => front.gateway.close(r)), new Promise((r) => service.server.close(r))]);
  });

  it('sends a GET again on a new connection, so the caller gets the answer and not a 502', async () => {
    expect((await fetch(`${front.url}/api/reporting/indicators?n=1`)).status).toBe(200);

    const second = await fetch(`${front.url}/api/reporting/indicators?n=2`);

    expect({ status: second.status, body: await second.text() }).toEqual({ status: 200, body: 'ok' });
    expect(service.handled).toEqual(['GET /api/reporting/indicators?n=1', 'GET /api/reporting/indicators?n=2']);
  });

  it('does not send a POST twice: it answers 502 naming the service', async () => {
    expect((await fetch(`${front.url}/api/reporting/plans`, { method: 'POST', body: '{}' })).status).toBe(200);

    const second = await fetch(`${front.url}/api/reporting/plans`, { method: 'POST', body: '{}' });

    expect(second.status).toBe(502);
    expect(((await second.json()) as { detail: string }).detail).toContain('The reporting service did not answer (ECONNRESET)');
    expect(service.handled).toEqual(['POST /api/reporting/plans']);
  });
});
