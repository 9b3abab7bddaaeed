// Integration suites declare the real services they need. Locally a missing service skips the suite
// (with its reason in the test name); under CI=true it fails it, so CI can never pass by skipping.

export type ExternalService = 'postgres' | 'kafka' | 'redis' | 'zipkin';

const envName: Record<ExternalService, string> = {
  postgres: 'ISHC_TEST_POSTGRES',
  kafka: 'ISHC_TEST_KAFKA',
  redis: 'ISHC_TEST_REDIS',
  zipkin: 'ISHC_TEST_ZIPKIN',
};

const where: Record<ExternalService, () => string> = {
  postgres: () => `TEST_DATABASE_URL=${process.env.TEST_DATABASE_URL ?? '(unset)'}`,
  kafka: () => `KAFKA_BROKERS=${process.env.KAFKA_BROKERS ?? '(unset)'}`,
  redis: () => `TEST_REDIS_URL=${process.env.TEST_REDIS_URL ?? '(unset)'}`,
  zipkin: () => `ZIPKIN_URL=${process.env.ZIPKIN_URL ?? '(unset)'} (bash infra/zipkin/start.sh)`,
};

export function isAvailable(service: ExternalService): boolean {
  return process.env[envName[service]] === 'up';
}

/** `describe` that runs only when every listed service is reachable (see the file comment). */
export function describeWith(services: ExternalService[], name: string, body: () => void): void {
  const missing = services.filter((s) => !isAvailable(s));
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const reason = missing.map((s) => `${s} unreachable (${where[s]()})`).join('; ');
  if (process.env.CI === 'true') {
    describe(name, () => {
      it(`needs ${missing.join(', ')}`, () => {
        throw new Error(`CI=true and ${reason}: this suite must run in CI`);
      });
    });
  } else {
    describe.skip(`${name} [skipped: ${reason}]`, body);
  }
}
