import { Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { PostgresEventStore } from '@ishc/event-store';
import { ServiceName } from '@ishc/messaging';
import { Role, createServiceApp, signDevToken } from '@ishc/platform';
import { TestDatabase, createTestDatabase } from '@ishc/testing';
import { Registry } from 'prom-client';
import { RegistryReplicaConsumer } from '../registry-replica.consumer';
import { RegistryEventWrites, createFakeRegistry, registryEventWrites, untilReplicatedBy } from './fake-registry';

/**
 * A service that replicates the registry, on a fresh database, replicating a registry event store of its
 * own (another fresh database) through the embedded transport: the registry's events are its contract, the
 * registry service is not needed.
 */
export interface ReplicatingServiceTestApp extends RegistryEventWrites {
  app: NestExpressApplication;
  db: TestDatabase;
  registryEvents: PostgresEventStore;
  token(roles?: Role[], scope?: string[]): Promise<string>;
  close(): Promise<void>;
}

export interface ReplicatingServiceOptions {
  service: ServiceName;
  module: Type<unknown>;
  /** The environment variable of the service's own database (e.g. `MICROFINANCE_DATABASE_URL`). */
  databaseEnv: string;
  /** Name prefixes of the two fresh databases: the service's and the fake registry's. */
  databasePrefix: string;
  registryDatabasePrefix: string;
  /** The JWT secret the app verifies and `token()` signs with. */
  secret: string;
  /** The service's registry-replica consumer provider (its `running()` tells when an append is applied). */
  consumer: Type<RegistryReplicaConsumer>;
  /** How long a write waits for the replica to apply it. */
  replicationTimeoutMs: number;
}

export async function startReplicatingService(options: ReplicatingServiceOptions): Promise<ReplicatingServiceTestApp> {
  const db = await createTestDatabase(options.databasePrefix);
  const registry = await createFakeRegistry(options.registryDatabasePrefix);
  const app = await createServiceApp({
    service: options.service,
    module: options.module,
    env: {
      [options.databaseEnv]: db.url,
      REGISTRY_DATABASE_URL: registry.db.url,
      JWT_SECRET: options.secret,
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
    token: (roles = ['admin'], scope = ['VN']) => signDevToken({ sub: 'officer-1', roles, scope }, options.secret, '10m'),
    ...registryEventWrites(
      registry.events,
      untilReplicatedBy(() => app.get(options.consumer).running(), options.replicationTimeoutMs),
    ),
    async close() {
      await app.close();
      await Promise.all([db.drop(), registry.db.drop()]);
    },
  };
}
