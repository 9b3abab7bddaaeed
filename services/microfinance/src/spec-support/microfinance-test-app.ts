import { ReplicatingServiceTestApp, startReplicatingService } from '@ishc/registry-replica/testing';
import { MicrofinanceModule } from '../app.module';
import { RegistryReplicaConsumer } from '../replica/registry-replica.consumer';

export const TEST_SECRET = 'microfinance-test-secret-of-32-characters-at-least';

/**
 * Microfinance on a fresh database, replicating a registry event store of its own (another fresh
 * database) through the embedded transport: the registry's events are its contract, the service is not needed.
 */
export type MicrofinanceTestApp = ReplicatingServiceTestApp;

export function startMicrofinance(): Promise<MicrofinanceTestApp> {
  return startReplicatingService({
    service: 'microfinance',
    module: MicrofinanceModule,
    databaseEnv: 'MICROFINANCE_DATABASE_URL',
    databasePrefix: 'microfinance',
    registryDatabasePrefix: 'mf_registry_events',
    secret: TEST_SECRET,
    consumer: RegistryReplicaConsumer,
    // Generous: a loaded CI machine.
    replicationTimeoutMs: 30_000,
  });
}
