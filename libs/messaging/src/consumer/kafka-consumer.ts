// One consumer definition = one Kafka consumer group (named after the definition) over the sources' topics.
// Our own thin loop over kafkajs rather than Nest's Kafka transport: we need the offsets committed only
// after the database transaction, bounded retries and a dead-letter topic, which that transport lacks.
import { eventsTopic } from '@ishc/contracts';
import type { Admin, Kafka, Producer } from 'kafkajs';
import { errorFields, type MessagingLogger } from '../logger';
import type { RetryPolicy } from '../retry';
import type { ConsumerDefinition, ConsumerProgress, RunningConsumer, TransportTracing } from '../transport.port';
import { createBatchProcessor } from './batch-processor';
import { CommittedOffsets } from './committed-offsets';
import { lastAppliedInPartition, migrateInbox } from './inbox';
import { processedThrough } from './processed-through';

export interface KafkaConsumerSettings {
  /** Prefix of topics and of the consumer group id (KafkaTransportOptions.namespace). */
  namespace: string;
  retry: RetryPolicy;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  rebalanceTimeoutMs: number;
  /** Partitions handled at the same time; order holds within each, and each stream lives in one. */
  partitionsConsumedConcurrently: number;
  maxWaitTimeMs: number;
}

export interface KafkaConsumerDeps {
  kafka: Kafka;
  admin(): Promise<Admin>;
  producer(): Promise<Producer>;
  ensureTopics(topics: string[]): Promise<void>;
  settings: KafkaConsumerSettings;
  logger: MessagingLogger;
  tracing?: TransportTracing;
}

export interface KafkaRunningConsumer extends RunningConsumer {
  /** False once kafkajs gave up on this consumer (a crash it does not restart from). */
  isAlive(): boolean;
}

export async function startKafkaConsumer(deps: KafkaConsumerDeps, def: ConsumerDefinition): Promise<KafkaRunningConsumer> {
  if (!def.name) throw new Error('a consumer needs a name: it is its consumer group and inbox key');
  if (def.sources.length === 0) throw new Error(`consumer ${def.name} has no sources`);
  const { settings, logger } = deps;
  const topics = def.sources.map((source) => eventsTopic(source, settings.namespace));
  const groupId = `${settings.namespace}${def.name}`;
  const committed = new CommittedOffsets({ admin: deps.admin, groupId, topics });

  await migrateInbox(def.target);
  await deps.ensureTopics(topics);

  const consumer = deps.kafka.consumer({
    groupId,
    sessionTimeout: settings.sessionTimeoutMs,
    heartbeatInterval: settings.heartbeatIntervalMs,
    rebalanceTimeout: settings.rebalanceTimeoutMs,
    maxWaitTimeInMs: settings.maxWaitTimeMs,
    allowAutoTopicCreation: false,
  });
  let stopping = false;
  let alive = true;
  consumer.on(consumer.events.CRASH, (event) => {
    logger.error({ consumer: def.name, restart: event.payload.restart, ...errorFields(event.payload.error) }, 'kafka consumer crashed');
    if (!event.payload.restart) alive = false;
  });

  await consumer.connect();
  // A new group reads each topic from its beginning: a new read model must see the whole history.
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
    eachBatch: createBatchProcessor({
      def,
      namespace: settings.namespace,
      retry: settings.retry,
      deadLetterProducer: deps.producer,
      isStopping: () => stopping,
      logger,
      tracing: deps.tracing,
      onCommitted: (topic, partition, next) => committed.record(topic, partition, next),
    }),
  });

  let stopped: Promise<void> | undefined;
  const isProcessed = processedThrough({
    admin: deps.admin,
    inbox: { pool: def.target, consumer: def.name },
    committed,
    topicOf: (source) => eventsTopic(source, settings.namespace),
  });
  return {
    stop() {
      // Set first, synchronously: a batch still running must not retry or dead-letter anything now.
      stopping = true;
      stopped ??= consumer.disconnect();
      return stopped;
    },
    isAlive: () => alive && !stopping,
    isProcessed,
    status: async () => consumerStatus(await deps.admin(), def, settings.namespace),
  };
}

/** Committed offsets against each partition's high watermark, with the last event applied there. */
async function consumerStatus(admin: Admin, def: ConsumerDefinition, namespace: string): Promise<ConsumerProgress[]> {
  const offsets = await admin.fetchOffsets({ groupId: `${namespace}${def.name}`, topics: def.sources.map((source) => eventsTopic(source, namespace)) });
  const progress: ConsumerProgress[] = [];
  for (const source of def.sources) {
    const topic = eventsTopic(source, namespace);
    const committedByPartition = new Map((offsets.find((t) => t.topic === topic)?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
    for (const end of await admin.fetchTopicOffsets(topic)) {
      const next = committedByPartition.get(end.partition) ?? -1n;
      // Without a committed offset the group starts at the earliest retained message.
      const from = next >= 0n ? next : BigInt(end.low);
      progress.push({
        source,
        partition: String(end.partition),
        position: await lastAppliedInPartition(def.target, def.name, source, end.partition),
        lag: Number(BigInt(end.high) - from),
      });
    }
  }
  return progress.sort((a, b) => a.source.localeCompare(b.source) || Number(a.partition) - Number(b.partition));
}
