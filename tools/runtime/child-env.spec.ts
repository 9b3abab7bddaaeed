import { childEnv, platformEnv } from './child-env';
import { LaunchError } from './launch-error';
import { readLaunchSettings } from './launch-settings';

const root = '/repo';
const resources = { databaseServerUrl: 'postgres://postgres:pw@127.0.0.1:54329/postgres', jwtSecret: 's'.repeat(32), registryMasterKey: 'k'.repeat(44) };

describe('launch settings and the environment of the services', () => {
  describe('embedded mode', () => {
    const settings = readLaunchSettings('embedded', {}, root);

    it('defaults to the values of docs/configuration.md', () => {
      expect(settings).toMatchObject({
        dataDir: '/repo/.data',
        ports: { gateway: 3000, registry: 3101, activities: 3102, microfinance: 3103, reporting: 3104 },
        transport: 'embedded',
        embeddedPostgresPort: 54329,
        devTokens: true,
        tracesExporter: 'none',
      });
      expect(settings.kafkaBrokers).toBeUndefined();
      expect(settings.redisUrl).toBeUndefined();
      expect(settings.databaseServerUrl).toBeUndefined();
    });

    it('gives every process the contract variables, its own OTEL_SERVICE_NAME and the supervisor pid', () => {
      const env = childEnv('registry', platformEnv(settings, resources), { PATH: '/bin', LOG_LEVEL: 'debug' }, 42);
      expect(env).toEqual({
        PATH: '/bin',
        LOG_LEVEL: 'debug',
        ISHC_MODE: 'embedded',
        TRANSPORT: 'embedded',
        DATABASE_SERVER_URL: resources.databaseServerUrl,
        JWT_SECRET: resources.jwtSecret,
        REGISTRY_MASTER_KEY: resources.registryMasterKey,
        DEV_TOKENS: 'true',
        OTEL_TRACES_EXPORTER: 'none',
        ISHC_DATA_DIR: '/repo/.data',
        EMBEDDED_PG_PORT: '54329',
        GATEWAY_PORT: '3000',
        REGISTRY_PORT: '3101',
        ACTIVITIES_PORT: '3102',
        MICROFINANCE_PORT: '3103',
        REPORTING_PORT: '3104',
        OTEL_SERVICE_NAME: 'registry',
        ISHC_SUPERVISOR_PID: '42',
      });
    });

    it('points the services at the server it started, whatever DATABASE_SERVER_URL the shell has', () => {
      const fromShell = readLaunchSettings('embedded', { DATABASE_SERVER_URL: 'postgres://elsewhere/db' }, root);
      const env = childEnv('gateway', platformEnv(fromShell, resources), { DATABASE_SERVER_URL: 'postgres://elsewhere/db' }, 1);
      expect(env.DATABASE_SERVER_URL).toBe(resources.databaseServerUrl);
    });

    it('names each process for tracing, even when the shell sets OTEL_SERVICE_NAME', () => {
      const env = childEnv('reporting', platformEnv(settings, resources), { OTEL_SERVICE_NAME: 'shell' }, 1);
      expect(env.OTEL_SERVICE_NAME).toBe('reporting');
    });
  });

  describe('stack mode', () => {
    it('defaults to this machine’s PostgreSQL, Kafka and Redis, with dev tokens off', () => {
      const settings = readLaunchSettings('stack', {}, root);
      expect(settings).toMatchObject({
        transport: 'kafka',
        kafkaBrokers: '127.0.0.1:9092',
        redisUrl: 'redis://127.0.0.1:6379',
        databaseServerUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
        devTokens: false,
      });
      expect(settings.embeddedPostgresPort).toBeUndefined();
      const env = platformEnv(settings, resources);
      expect(env).toMatchObject({ ISHC_MODE: 'stack', TRANSPORT: 'kafka', KAFKA_BROKERS: '127.0.0.1:9092', REDIS_URL: 'redis://127.0.0.1:6379', DEV_TOKENS: 'false' });
      expect(env.EMBEDDED_PG_PORT).toBeUndefined();
    });
  });

  it('lets the environment win over the mode’s defaults', () => {
    const settings = readLaunchSettings(
      'stack',
      {
        GATEWAY_PORT: '8080',
        REPORTING_PORT: '9104',
        ISHC_DATA_DIR: '/var/tmp/ishc',
        KAFKA_BROKERS: 'k1:9092,k2:9092',
        DEV_TOKENS: 'true',
        OTEL_TRACES_EXPORTER: 'otlp',
        JWT_SECRET: 'j'.repeat(40),
        ISHC_START_TIMEOUT_S: '5',
      },
      root,
    );
    expect(settings).toMatchObject({
      dataDir: '/var/tmp/ishc',
      kafkaBrokers: 'k1:9092,k2:9092',
      devTokens: true,
      tracesExporter: 'otlp',
      jwtSecret: 'j'.repeat(40),
      startTimeoutMs: 5000,
    });
    expect(settings.ports).toMatchObject({ gateway: 8080, reporting: 9104, registry: 3101 });
  });

  it('treats an empty variable as unset', () => {
    expect(readLaunchSettings('embedded', { GATEWAY_PORT: '', DEV_TOKENS: ' ' }, root)).toMatchObject({ ports: { gateway: 3000 }, devTokens: true });
  });

  it.each([
    [{ GATEWAY_PORT: 'http' }, 'GATEWAY_PORT=http is not a port number'],
    [{ REGISTRY_PORT: '70000' }, 'REGISTRY_PORT=70000 is not a port number'],
    [{ EMBEDDED_PG_PORT: '-1' }, 'EMBEDDED_PG_PORT=-1 is not a port number'],
    [{ DEV_TOKENS: 'yes' }, 'DEV_TOKENS=yes must be true or false'],
    [{ TRANSPORT: 'rabbitmq' }, 'TRANSPORT=rabbitmq must be embedded or kafka'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters'],
    [{ ISHC_START_TIMEOUT_S: '0' }, 'ISHC_START_TIMEOUT_S=0 must be a positive number'],
  ])('stops on %j with a message naming the variable', (env, message) => {
    expect(() => readLaunchSettings('embedded', env, root)).toThrow(LaunchError);
    expect(() => readLaunchSettings('embedded', env, root)).toThrow(message);
  });
});
