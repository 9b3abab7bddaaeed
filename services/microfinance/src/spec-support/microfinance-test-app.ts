import { NestExpressApplication } from '@nestjs/platform-express';
import { PostgresEventStore } from '@ishc/event-store';
import { Role, createServiceApp, signDevToken } from '@ishc/platform';
import { RegistryEventWrites, createFakeRegistry, registryEventWrites, untilReplicatedBy } from '@ishc/registry-replica/testing';
import { TestDatabase, createTestDatabase } from '@ishc/testing';
import { Registry } from 'prom-client';
import { MicrofinanceModule } from '../app.module';
import { RegistryReplicaConsumer } from '../replica/registry-replica.consumer';

export const TEST_SECRET = 'microfinance-test-secret-of-32-characters-at-least';

/**
 * Microfinance on a fresh database, replicating a registry event store of its own (another fresh
 * database) through the embedded transport: the registry's events are its contract, the service is not needed.
 */
export interface MicrofinanceTestApp extends RegistryEventWrites {
  app: NestExpressApplication;
  db: TestDatabase;
  registryEvents: PostgresEventStore;
  token(roles?: Role[], scope?: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startMicrofinance(): Promise<MicrofinanceTestApp> {
  const db = await createTestDatabase('microfinance');
  const registry = await createFakeRegistry('mf_registry_events');
  const app = await createServiceApp({
    service: 'microfinance',
    module: MicrofinanceModule,
    env: {
      MICROFINANCE_DATABASE_URL: db.url,
      REGISTRY_DATABASE_URL: registry.db.url,
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
      ISHC_MODE: 'embedded',
      TRANSPORT: 'embedded',
    },
    metricsRegistry: new Registry(),
  });
  return {
    app,
    db,
    registryEvents: registry.events,
    token: (roles = ['admin'], scope = ['VN']) => signDevToken({ sub: 'officer-1', roles, scope }, TEST_SECRET, '10m'),
    // Generous: a loaded CI machine.
    ...registryEventWrites(
      registry.events,
      untilReplicatedBy(() => app.get(RegistryReplicaConsumer).running(), 30_000),
    ),
    async close() {
      await app.close();
      await Promise.all([db.drop(), registry.db.drop()]);
    },
  };
}
