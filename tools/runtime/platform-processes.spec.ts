import { SERVICE_NAMES as CONTRACT_SERVICE_NAMES } from '@ishc/contracts';
import { PORT_VARIABLES, PROCESS_NAMES, readinessPath, SERVICE_NAMES } from './platform-processes';

describe('platform processes', () => {
  it('are the services of @ishc/contracts, plus the gateway last', () => {
    expect([...SERVICE_NAMES]).toEqual([...CONTRACT_SERVICE_NAMES]);
    expect(PROCESS_NAMES).toEqual([...CONTRACT_SERVICE_NAMES, 'gateway']);
  });

  it('use the port variables and defaults of docs/configuration.md', () => {
    expect(PORT_VARIABLES).toEqual({
      gateway: { variable: 'GATEWAY_PORT', defaultPort: 3000 },
      registry: { variable: 'REGISTRY_PORT', defaultPort: 3101 },
      activities: { variable: 'ACTIVITIES_PORT', defaultPort: 3102 },
      microfinance: { variable: 'MICROFINANCE_PORT', defaultPort: 3103 },
      reporting: { variable: 'REPORTING_PORT', defaultPort: 3104 },
    });
  });

  it('are ready when their readiness route (the gateway: its health route) answers', () => {
    expect(readinessPath('registry')).toBe('/api/registry/health/ready');
    expect(readinessPath('gateway')).toBe('/api/health');
  });
});
