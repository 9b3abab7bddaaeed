import { resolveServiceName } from './service-name';

describe('resolveServiceName', () => {
  it('prefers OTEL_SERVICE_NAME, then the entry point’s service folder', () => {
    expect(resolveServiceName({ OTEL_SERVICE_NAME: 'custom' }, '/app/dist/services/registry/main.js')).toBe('custom');
    expect(resolveServiceName({}, '/app/dist/services/microfinance/main.js')).toBe('microfinance');
    expect(resolveServiceName({}, '/app/dist/services/gateway/main.js')).toBe('gateway');
    expect(resolveServiceName({}, '/usr/bin/node')).toBe('ishc');
  });
});
