import { REGISTRY_REPLICA_SOURCES, registryReplicaConsumer } from '@ishc/registry-replica';
import { MicrofinanceSchema } from './microfinance-schema.provider';
import { replicateRegistryEvents } from './registry-replica';

/**
 * The consumer name: its checkpoint (embedded) or consumer group and inbox key (Kafka). A new name reads the
 * registry's history from the start again (every statement is an upsert): `-v2` when the replica began to
 * keep memberships, `-v3` when it began to keep their dated roles (the replica shared with activities), so
 * the roles of memberships replicated before then are filled in too.
 */
export const REGISTRY_REPLICA_CONSUMER = 'microfinance-registry-replica-v3';

/** The services whose events microfinance consumes. */
export const REPLICATED_SOURCES = REGISTRY_REPLICA_SOURCES;

/** Keeps the registry replica: each batch's changes commit with the consumer's checkpoint or inbox. */
export const RegistryReplicaConsumer = registryReplicaConsumer({
  name: REGISTRY_REPLICA_CONSUMER,
  schema: MicrofinanceSchema,
  replicate: replicateRegistryEvents,
});
