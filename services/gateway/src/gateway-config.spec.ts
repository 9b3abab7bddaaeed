import { GatewayConfigError, readGatewayConfig } from './gateway-config';

const secret = 's'.repeat(32);

describe('readGatewayConfig', () => {
  it('defaults to the ports of docs/configuration.md and dev tokens on in embedded mode', () => {
    expect(readGatewayConfig({ JWT_SECRET: secret })).toEqual({
      port: 3000,
      services: {
        registry: 'http://127.0.0.1:3101',
        activities: 'http://127.0.0.1:3102',
        microfinance: 'http://127.0.0.1:3103',
        reporting: 'http://127.0.0.1:3104',
      },
      devTokens: true,
      jwtSecret: secret,
    });
  });

  it('turns dev tokens off in stack mode, where no JWT secret is needed by the gateway', () => {
    expect(readGatewayConfig({ ISHC_MODE: 'stack' })).toMatchObject({ devTokens: false });
  });

  it('follows the service ports, or a service URL (compose: another host)', () => {
    const config = readGatewayConfig({ DEV_TOKENS: 'false', GATEWAY_PORT: '8080', REGISTRY_PORT: '4101', REPORTING_SERVICE_URL: 'http://reporting:3104/' });
    expect(config.port).toBe(8080);
    expect(config.services.registry).toBe('http://127.0.0.1:4101');
    expect(config.services.reporting).toBe('http://reporting:3104');
  });

  it('names every bad variable at once', () => {
    const read = () => readGatewayConfig({ GATEWAY_PORT: 'x', DEV_TOKENS: 'true', JWT_SECRET: 'short', ACTIVITIES_SERVICE_URL: 'ftp://a' });
    expect(read).toThrow(GatewayConfigError);
    expect(read).toThrow(/GATEWAY_PORT=x[\s\S]*ACTIVITIES_SERVICE_URL=ftp:\/\/a[\s\S]*JWT_SECRET/);
  });
});
