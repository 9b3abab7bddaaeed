// The relay is an ordinary checkpointed processor of the service's own event store whose effect, the Kafka
// publish, lives outside that database ('external-at-least-once'): each batch is read, sent and
// acknowledged by Kafka with no transaction open, and only then does its checkpoint move, in one short
// transaction (fence the lease, compare-and-set, commit). Holding a transaction across the send, as before,
// held the xmin horizon of every gap-safe subscriber on the PostgreSQL server for each broker round trip.
// A crash, a lost lease or a checkpoint moved by another instance between send and checkpoint republishes
// the batch; consumers drop the duplicates by event id (inbox). No dual writes: services only append to
// their store, and this is the one path to Kafka.
import { deadLetterTopic, eventsTopic } from '@ishc/contracts';
import { type PostgresEventStore, runProcessor } from '@ishc/event-store';
import type { Producer } from 'kafkajs';
import { errorFields, type MessagingLogger } from '../logger';
import type { RunningPublisher, ServiceName, TransportTracing } from '../transport.port';
import { publishEvents } from './publish-events';

export const RELAY_PROCESSOR_ID = 'relay:kafka';

export interface KafkaRelayDeps {
  producer(): Promise<Producer>;
  ensureTopics(topics: string[]): Promise<void>;
  logger: MessagingLogger;
  tracing?: TransportTracing;
  batchSize?: number;
  leaseMs?: number;
  /** Prefix of the topic name (KafkaTransportOptions.namespace). */
  namespace?: string;
}

export async function startKafkaRelay(deps: KafkaRelayDeps, service: ServiceName, store: PostgresEventStore): Promise<RunningPublisher> {
  const topic = eventsTopic(service, deps.namespace);
  await deps.ensureTopics([topic, deadLetterTopic(topic)]);
  const producer = await deps.producer();
  const processor = await runProcessor({
    processorId: RELAY_PROCESSOR_ID,
    source: store,
    target: store.pool,
    batchSize: deps.batchSize,
    leaseMs: deps.leaseMs,
    effect: 'external-at-least-once',
    handle: (events) => publishEvents(producer, topic, events, deps.tracing),
    onError: (error: unknown) => deps.logger.error({ service, topic, ...errorFields(error) }, 'relay batch failed; it will be retried from the checkpoint'),
  });
  return { stop: () => processor.stop() };
}
