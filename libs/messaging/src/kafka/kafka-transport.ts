// The Kafka adapter (stack and compose modes): relays publish each service's store to its topic,
// consumers apply topics to their own database through an inbox. One client, one admin and one
// idempotent producer per transport (i.e. per process), created on first use.
import { eventsTopic } from '@ishc/contracts';
import { Kafka, logLevel, Partitioners, type Admin, type Producer } from 'kafkajs';
import { startKafkaConsumer, type KafkaRunningConsumer } from '../consumer/kafka-consumer';
import { defaultLogger, type MessagingLogger } from '../logger';
import { startKafkaRelay } from '../relay/kafka-relay';
import { DEFAULT_RETRY, type RetryPolicy } from '../retry';
import type { EventTransport, RunningPublisher, TransportTracing } from '../transport.port';
import { ensureTopics } from './kafka-admin';
import { lostHistory } from './topic-history';
import { kafkajsLogCreator } from './kafkajs-log';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  /** Prefix of topic names and consumer group ids (KAFKA_NAMESPACE), so deployments or test runs can share a cluster. Default ''. */
  namespace?: string;
  /** Partitions of the topics this transport creates (KAFKA_TOPIC_PARTITIONS). Default 3. */
  partitions?: number;
  /** Attempts at a failing batch, then at each of its messages, before a message is dead-lettered. */
  retry?: Partial<RetryPolicy>;
  logger?: MessagingLogger;
  tracing?: TransportTracing;
  consumer?: {
    sessionTimeoutMs?: number;
    heartbeatIntervalMs?: number;
    rebalanceTimeoutMs?: number;
    partitionsConsumedConcurrently?: number;
    /** Longest a fetch waits for new messages (default 1 s); stopping waits for the fetch in flight. */
    maxWaitTimeMs?: number;
  };
  relay?: {
    batchSize?: number;
    /** How long a successor relay waits for a vanished one's lease (runProcessor's default: 30 s). */
    leaseMs?: number;
  };
}

const DEFAULT_PARTITIONS = 3;
const READINESS_TIMEOUT_MS = 3_000;

export function createKafkaTransport(options: KafkaTransportOptions): EventTransport {
  if (options.brokers.length === 0) throw new Error('createKafkaTransport: brokers is empty (set KAFKA_BROKERS)');
  const logger = options.logger ?? defaultLogger;
  const partitions = options.partitions ?? DEFAULT_PARTITIONS;
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const kafka = new Kafka({ brokers: options.brokers, clientId: options.clientId, logLevel: logLevel.INFO, logCreator: kafkajsLogCreator(logger) });

  const admin = once(async (): Promise<Admin> => {
    const client = kafka.admin();
    await client.connect();
    return client;
  });
  const producer = once(async (): Promise<Producer> => {
    // Idempotent with one request in flight: retries can neither duplicate nor reorder a partition's
    // messages, so per-stream order survives broker hiccups.
    const client = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner, // murmur2, as Java clients: same key, same partition
    });
    await client.connect();
    return client;
  });
  const ensured = new Set<string>();
  const ensure = async (topics: string[]) => {
    const missing = topics.filter((topic) => !ensured.has(topic));
    if (missing.length === 0) return;
    await ensureTopics(await admin(), missing, partitions);
    missing.forEach((topic) => ensured.add(topic));
  };

  const consumers = new Set<KafkaRunningConsumer>();
  const publishers = new Set<RunningPublisher>();

  return {
    kind: 'kafka',

    async startConsumer(def) {
      const running = await startKafkaConsumer(
        {
          kafka,
          admin,
          producer,
          ensureTopics: ensure,
          logger,
          tracing: options.tracing,
          settings: {
            namespace: options.namespace ?? '',
            retry,
            sessionTimeoutMs: options.consumer?.sessionTimeoutMs ?? 30_000,
            heartbeatIntervalMs: options.consumer?.heartbeatIntervalMs ?? 3_000,
            rebalanceTimeoutMs: options.consumer?.rebalanceTimeoutMs ?? 60_000,
            partitionsConsumedConcurrently: options.consumer?.partitionsConsumedConcurrently ?? partitions,
            maxWaitTimeMs: options.consumer?.maxWaitTimeMs ?? 1_000,
          },
        },
        def,
      );
      consumers.add(running);
      return {
        ...running,
        stop: async () => {
          consumers.delete(running);
          await running.stop();
        },
      };
    },

    async startPublisher(service, store) {
      const relay = await startKafkaRelay({ producer, ensureTopics: ensure, logger, tracing: options.tracing, namespace: options.namespace ?? '', ...options.relay }, service, store);
      publishers.add(relay);
      return {
        stop: async () => {
          publishers.delete(relay);
          await relay.stop();
        },
      };
    },

    async missingHistory(sources) {
      return lostHistory(await admin(), sources.map((source) => eventsTopic(source, options.namespace ?? '')));
    },

    async isReady() {
      if ([...consumers].some((consumer) => !consumer.isAlive())) return false;
      try {
        const client = await withTimeout(admin(), READINESS_TIMEOUT_MS);
        await withTimeout(client.describeCluster(), READINESS_TIMEOUT_MS);
        return true;
      } catch {
        return false;
      }
    },

    async close() {
      await Promise.all([...publishers].map((p) => p.stop()));
      await Promise.all([...consumers].map((c) => c.stop()));
      publishers.clear();
      consumers.clear();
      await Promise.all([producer.ifStarted((p) => p.disconnect()), admin.ifStarted((a) => a.disconnect())]);
    },
  };
}

interface Once<T> {
  (): Promise<T>;
  ifStarted(use: (value: T) => Promise<void>): Promise<void>;
}

/** A lazily created connection: the first call connects, later calls share it; a failed connect is retried. */
function once<T>(create: () => Promise<T>): Once<T> {
  let pending: Promise<T> | undefined;
  const get = (() => {
    pending ??= create().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  }) as Once<T>;
  get.ifStarted = async (use) => {
    if (!pending) return;
    const value = await pending.catch(() => undefined);
    if (value !== undefined) await use(value);
  };
  return get;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
