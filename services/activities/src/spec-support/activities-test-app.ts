import { ReplicatingServiceTestApp, startReplicatingService } from '@ishc/registry-replica/testing';
import { ActivitiesModule } from '../app.module';
import { RegistryReplicaConsumer } from '../replica/registry-replica.consumer';

export const TEST_SECRET = 'activities-test-secret-of-32-characters-at-least-x';

/**
 * Activities on a fresh database, replicating a registry event store of its own (another fresh
 * database) through the embedded transport: the registry's events are its contract, the service is not needed.
 */
export type ActivitiesTestApp = ReplicatingServiceTestApp;

export function startActivities(): Promise<ActivitiesTestApp> {
  return startReplicatingService({
    service: 'activities',
    module: ActivitiesModule,
    databaseEnv: 'ACTIVITIES_DATABASE_URL',
    databasePrefix: 'activities',
    registryDatabasePrefix: 'act_registry_events',
    secret: TEST_SECRET,
    consumer: RegistryReplicaConsumer,
    replicationTimeoutMs: 10_000,
  });
}
