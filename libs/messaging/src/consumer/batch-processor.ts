// What the Kafka consumer does with each fetched batch (one topic-partition): apply it in chunks, each in
// one database transaction; commit the offsets only after that commit. A chunk that keeps failing is
// retried message by message, so one poison message is parked on the dead-letter topic and the others
// still pass. Nothing is retried or parked once this instance stops owning the partition: a new owner
// will receive the same messages, and the inbox keeps it from applying twice.
import { eventsTopic } from '@ishc/contracts';
import type { EachBatchPayload, KafkaMessage, Producer } from 'kafkajs';
import { fromKafkaMessage, MalformedMessageError } from '../kafka/event-message';
import { errorFields, type MessagingLogger } from '../logger';
import { backoffMs, type RetryPolicy, sleep } from '../retry';
import type { ConsumerDefinition, ServiceName, TransportTracing } from '../transport.port';
import { applyInTransaction } from './apply-in-transaction';
import { sendToDeadLetterTopic } from './dead-letter';
import type { InboxEntry } from './inbox';
import { isTransientFailure } from './transient-failure';

export const DEFAULT_CHUNK_SIZE = 500;

export interface BatchProcessorSettings {
  def: ConsumerDefinition;
  /** Prefix of the sources' topic names. */
  namespace: string;
  retry: RetryPolicy;
  deadLetterProducer(): Promise<Producer>;
  isStopping(): boolean;
  logger: MessagingLogger;
  tracing?: TransportTracing;
  /** Told after each successful offset commit: every message of that partition below `next` is applied. */
  onCommitted?(topic: string, partition: number, next: bigint): void;
}

type Decoded = { message: KafkaMessage; entry: InboxEntry; error?: undefined } | { message: KafkaMessage; entry?: undefined; error: MalformedMessageError };

type Outcome = { kind: 'applied' } | { kind: 'failed'; error: unknown } | { kind: 'abandoned' };

export function createBatchProcessor(settings: BatchProcessorSettings): (payload: EachBatchPayload) => Promise<void> {
  const { def, retry, logger } = settings;
  const sourceByTopic = new Map<string, ServiceName>(def.sources.map((source) => [eventsTopic(source, settings.namespace), source]));
  const chunkSize = def.batchSize ?? DEFAULT_CHUNK_SIZE;

  return async (payload) => {
    const { batch } = payload;
    const source = sourceByTopic.get(batch.topic);
    if (!source) throw new Error(`consumer ${def.name} received topic ${batch.topic}, which is not one of its sources`);
    const ownsPartition = () => !settings.isStopping() && payload.isRunning() && !payload.isStale();
    const where = { consumer: def.name, topic: batch.topic, partition: batch.partition };

    const acknowledge = async (message: KafkaMessage) => {
      payload.resolveOffset(message.offset);
      const next = BigInt(message.offset) + 1n;
      await payload.commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: next.toString() }] }] });
      settings.onCommitted?.(batch.topic, batch.partition, next);
      await payload.heartbeat();
    };

    /** Runs `apply` up to retry.maxAttempts times; gives up early when the partition is no longer ours. */
    const withRetries = async (apply: () => Promise<void>, what: Record<string, unknown>): Promise<Outcome> => {
      let lastError: unknown;
      for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
        if (!ownsPartition()) return { kind: 'abandoned' };
        try {
          await apply();
          return { kind: 'applied' };
        } catch (error) {
          lastError = error;
          if (!ownsPartition()) return { kind: 'abandoned' };
          logger.warn({ ...where, ...what, attempt, ...errorFields(error) }, 'applying events failed');
          if (attempt < retry.maxAttempts) {
            await sleep(backoffMs(retry, attempt));
            await payload.heartbeat();
          }
        }
      }
      return { kind: 'failed', error: lastError };
    };

    const park = async (message: KafkaMessage, error: unknown) => {
      logger.error({ ...where, offset: message.offset, ...errorFields(error) }, 'poison message sent to the dead-letter topic');
      await sendToDeadLetterTopic(await settings.deadLetterProducer(), { consumer: def.name, topic: batch.topic, partition: batch.partition, message, error });
      try {
        settings.tracing?.onDeadLetter?.(def.name, batch.topic, error);
      } catch {
        // A metrics hook must never stop a partition.
      }
      await acknowledge(message);
    };

    const oneByOne = async (decoded: Decoded[]) => {
      for (const item of decoded) {
        if (!ownsPartition()) return;
        if (item.error) {
          await park(item.message, item.error);
          continue;
        }
        const entry = item.entry;
        const outcome = await withRetries(() => applyInTransaction(def, [entry], settings.tracing), { offset: item.message.offset });
        if (outcome.kind === 'abandoned') return;
        if (outcome.kind === 'applied') {
          await acknowledge(item.message);
          continue;
        }
        // Kafka will deliver it again (from the last committed offset) once the database is back.
        if (isTransientFailure(outcome.error)) throw outcome.error;
        await park(item.message, outcome.error);
      }
    };

    for (let start = 0; start < batch.messages.length; start += chunkSize) {
      if (!ownsPartition()) return;
      const messages = batch.messages.slice(start, start + chunkSize);
      const decoded = messages.map((message) => decode(source, batch.topic, batch.partition, message));
      const entries = decoded.flatMap((item) => (item.entry ? [item.entry] : []));
      if (entries.length === decoded.length) {
        const outcome = await withRetries(() => applyInTransaction(def, entries, settings.tracing), { firstOffset: messages[0]?.offset, count: entries.length });
        if (outcome.kind === 'abandoned') return;
        if (outcome.kind === 'applied') {
          await acknowledge(messages[messages.length - 1]);
          continue;
        }
        if (isTransientFailure(outcome.error)) throw outcome.error;
      }
      await oneByOne(decoded);
    }
  };
}

function decode(source: ServiceName, topic: string, partition: number, message: KafkaMessage): Decoded {
  try {
    return { message, entry: { event: fromKafkaMessage(source, message), topic, partition, offset: message.offset } };
  } catch (error) {
    if (error instanceof MalformedMessageError) return { message, error };
    throw error;
  }
}
