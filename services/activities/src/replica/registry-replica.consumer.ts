import { REGISTRY_REPLICA_SOURCES, registryReplicaConsumer } from '@ishc/registry-replica';
import { ActivitiesSchema } from './activities-schema.provider';
import { replicateRegistryEvents } from './registry-replica';

/** The consumer name: its checkpoint (embedded) or consumer group and inbox key (Kafka). */
export const REGISTRY_REPLICA_CONSUMER = 'activities-registry-replica';

/** The services whose events activities consumes. */
export const REPLICATED_SOURCES = REGISTRY_REPLICA_SOURCES;

/** Keeps the registry replica: each batch's changes commit with the consumer's checkpoint or inbox. */
export const RegistryReplicaConsumer = registryReplicaConsumer({
  name: REGISTRY_REPLICA_CONSUMER,
  schema: ActivitiesSchema,
  replicate: replicateRegistryEvents,
});
