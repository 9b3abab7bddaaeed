// The relay is an ordinary checkpointed processor of the service's own event store: its "effect" is the
// Kafka publish, and its checkpoint commits (in the service's database) only after Kafka acknowledged.
// A crash between the two republishes the batch; consumers drop the duplicates by event id (inbox).
// No dual writes: services only append to their store, and this is the one path to Kafka.
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
    handle: (events) => publishEvents(producer, topic, events, deps.tracing),
    onError: (error: unknown) => deps.logger.error({ service, topic, ...errorFields(error) }, 'relay batch failed; it will be retried from the checkpoint'),
  });
  return { stop: () => processor.stop() };
}
