import net from 'node:net';
import { LaunchError } from './launch-error';
import { assertDistinctPorts, assertPortsFree, isPortFree } from './port-check';

function listen(host: string): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, host, () => resolve(server));
  });
}

function portOf(server: net.Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not a TCP server');
  return address.port;
}

async function freePort(): Promise<number> {
  const server = await listen('127.0.0.1');
  const port = portOf(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('port check', () => {
  const servers: net.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });

  it('finds a port nobody listens on free', async () => {
    expect(await isPortFree(await freePort())).toBe(true);
  });

  it.each(['127.0.0.1', '0.0.0.0'])('finds a port taken on %s busy', async (host) => {
    const server = await listen(host);
    servers.push(server);
    expect(await isPortFree(portOf(server))).toBe(false);
  });

  it('names the busy port, who wanted it and the variable that moves it', async () => {
    const server = await listen('127.0.0.1');
    servers.push(server);
    const busy = portOf(server);
    const free = await freePort();
    const check = assertPortsFree([
      { port: free, variable: 'REGISTRY_PORT', owner: 'the registry service' },
      { port: busy, variable: 'GATEWAY_PORT', owner: 'the gateway' },
    ]);
    await expect(check).rejects.toThrow(LaunchError);
    await expect(check).rejects.toThrow(
      `Port ${busy} is already in use, so the gateway cannot listen on it: stop what uses it, or set GATEWAY_PORT to a free port.`,
    );
    await expect(check).rejects.not.toThrow('REGISTRY_PORT');
  });

  it('passes when every port is free', async () => {
    await expect(assertPortsFree([{ port: await freePort(), variable: 'GATEWAY_PORT', owner: 'the gateway' }])).resolves.toBeUndefined();
  });

  it('refuses two variables set to the same port before looking at the network', () => {
    expect(() =>
      assertDistinctPorts([
        { port: 3000, variable: 'GATEWAY_PORT', owner: 'the gateway' },
        { port: 3000, variable: 'REGISTRY_PORT', owner: 'the registry service' },
      ]),
    ).toThrow('GATEWAY_PORT and REGISTRY_PORT are both set to port 3000');
  });
});
