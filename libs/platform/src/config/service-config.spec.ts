import { ConfigError } from './config-error';
import { databaseUrlFor } from './database-url';
import { loadConfig } from './load-config';
import { loadServiceConfig } from './service-config';
import { z } from 'zod';

const SECRET = 's'.repeat(32);

function problemsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return Object.fromEntries(error.problems.map((p) => [p.variable, p.message]));
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadServiceConfig', () => {
  it('applies the documented defaults of embedded mode', () => {
    const config = loadServiceConfig('registry', { DATABASE_SERVER_URL: 'postgres://pg@db:5432/postgres', JWT_SECRET: SECRET });
    expect(config).toEqual({
      service: 'registry',
      mode: 'embedded',
      databaseUrl: 'postgres://pg@db:5432/ishc_registry',
      port: 3101,
      transport: 'embedded',
      kafka: null,
      redisUrl: null,
      jwtSecret: SECRET,
      devTokens: true,
      logLevel: 'info',
    });
  });

  it('reads stack mode: Kafka by default, dev tokens off, own database URL and port win', () => {
    const config = loadServiceConfig('microfinance', {
      ISHC_MODE: 'stack',
      DATABASE_SERVER_URL: 'postgres://pg@db:5432/postgres',
      MICROFINANCE_DATABASE_URL: 'postgres://mf@mfdb:5432/loans',
      MICROFINANCE_PORT: '4000',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      KAFKA_TOPIC_PARTITIONS: '6',
      REDIS_URL: 'redis://cache:6379',
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'debug',
      REGISTRY_PORT: 'not mine, not checked',
    });
    expect(config).toMatchObject({
      mode: 'stack',
      transport: 'kafka',
      kafka: { brokers: ['k1:9092', 'k2:9092'], topicPartitions: 6 },
      databaseUrl: 'postgres://mf@mfdb:5432/loans',
      port: 4000,
      redisUrl: 'redis://cache:6379',
      devTokens: false,
      logLevel: 'debug',
    });
  });

  it('names every bad variable and why, in one error, without echoing values', () => {
    const env = {
      ISHC_MODE: 'cloud',
      REGISTRY_PORT: '99999',
      TRANSPORT: 'kafka',
      JWT_SECRET: 'short-secret',
      DEV_TOKENS: 'yes',
      LOG_LEVEL: 'loud',
      REDIS_URL: 'http://cache',
    };
    const problems = problemsOf(() => loadServiceConfig('registry', env));
    expect(problems).toEqual({
      ISHC_MODE: 'must be one of embedded, stack',
      REGISTRY_PORT: 'must be a port number (1-65535)',
      JWT_SECRET: 'must be at least 32 characters',
      DEV_TOKENS: 'must be true or false',
      LOG_LEVEL: 'must be one of fatal, error, warn, info, debug, trace, silent',
      REDIS_URL: 'must be a URL (redis://… or rediss://…)',
      REGISTRY_DATABASE_URL: 'not set, and neither is DATABASE_SERVER_URL: set one of them',
      KAFKA_BROKERS: 'required when TRANSPORT is kafka (the default in stack mode)',
    });
    const message = (() => {
      try {
        loadServiceConfig('registry', env);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^Invalid configuration: /);
    expect(message).toContain('JWT_SECRET: must be at least 32 characters');
    expect(message).not.toContain('short-secret');
  });

  it('requires JWT_SECRET and well-formed Kafka brokers', () => {
    expect(
      problemsOf(() =>
        loadServiceConfig('reporting', { ISHC_MODE: 'stack', REPORTING_DATABASE_URL: 'postgres://x/y', KAFKA_BROKERS: 'k1' }),
      ),
    ).toEqual({
      JWT_SECRET: 'required: an HS256 key of at least 32 characters',
      KAFKA_BROKERS: 'must be a comma-separated list of host:port',
    });
  });
});

describe('databaseUrlFor', () => {
  it('finds another service’s database on the shared server, or its own variable', () => {
    const env = { DATABASE_SERVER_URL: 'postgres://pg:pw@db:5432/postgres?sslmode=disable', ACTIVITIES_DATABASE_URL: 'postgres://a/b' };
    expect(databaseUrlFor('registry', env)).toBe('postgres://pg:pw@db:5432/ishc_registry?sslmode=disable');
    expect(databaseUrlFor('activities', env)).toBe('postgres://a/b');
  });

  it('names both variables when neither is set', () => {
    expect(() => databaseUrlFor('registry', {})).toThrow(
      'Invalid configuration: REGISTRY_DATABASE_URL: not set, and neither is DATABASE_SERVER_URL: set one of them',
    );
  });
});

describe('loadConfig', () => {
  it('validates any schema keyed by variable name', () => {
    const schema = z.object({ GATEWAY_PORT: z.coerce.number().int().default(3000), ISHC_DATA_DIR: z.string().default('.data') });
    expect(loadConfig(schema, {})).toEqual({ GATEWAY_PORT: 3000, ISHC_DATA_DIR: '.data' });
    expect(() => loadConfig(schema, { GATEWAY_PORT: 'x' })).toThrow(/^Invalid configuration: GATEWAY_PORT: /);
  });
});
