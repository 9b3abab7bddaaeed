// The transport port: how one service receives the others' events. Two adapters implement it — the
// embedded one (direct subscription to the producers' event stores) and the Kafka one (relay + consumer) —
// and both pass the same contract suite (testing/transport-contract.ts), so services never know which.
import type { Position, PostgresEventStore, RecordedEvent } from '@ishc/event-store';
import type { ServiceName } from '@ishc/contracts';
import type { Pool, PoolClient } from 'pg';

export type { ServiceName } from '@ishc/contracts';

/** An event as a consumer receives it: the producer's recorded event plus which service produced it. */
export interface IncomingEvent extends RecordedEvent {
  source: ServiceName;
}

export interface ConsumerDefinition {
  /** Stable name: the checkpoint id (embedded) or consumer group and inbox key (Kafka). */
  name: string;
  sources: ServiceName[];
  /** The consumer's own database: the effect and the adapter's bookkeeping commit there together. */
  target: Pool;
  /**
   * Applies a batch of events of ONE source, in order per stream, inside the transaction `client` is in.
   * Throwing rolls the whole batch back; it is delivered again.
   */
  handle(events: IncomingEvent[], client: PoolClient): Promise<void>;
  batchSize?: number;
}

export interface ConsumerProgress {
  source: ServiceName;
  /** The embedded adapter's checkpoint partition (the source's name), or a Kafka partition number. */
  partition: string;
  /** The last event applied from this partition, if any. */
  position: Position | null;
  /** Events not yet applied, when the adapter can tell. */
  lag: number | null;
}

export interface RunningConsumer {
  stop(): Promise<void>;
  /**
   * True once every event of `source` up to and including `position` has been applied by this consumer
   * (read-your-writes: a token stands for all of that service's writes before it, whatever their stream).
   */
  isProcessed(source: ServiceName, position: Position): Promise<boolean>;
  status(): Promise<ConsumerProgress[]>;
}

export interface RunningPublisher {
  stop(): Promise<void>;
}

export interface EventTransport {
  readonly kind: 'embedded' | 'kafka';
  startConsumer(def: ConsumerDefinition): Promise<RunningConsumer>;
  /** Makes `service`'s events available to consumers (the Kafka relay); a no-op where consumers read the store. */
  startPublisher(service: ServiceName, store: PostgresEventStore): Promise<RunningPublisher>;
  isReady(): Promise<boolean>;
  /**
   * What a new consumer of `sources` reading from the start would miss: the Kafka partitions whose oldest
   * messages are gone (`<topic>[<partition>] starts at <offset>`). Empty when nothing is missing, and
   * always on the embedded transport (it reads the stores themselves).
   */
  missingHistory(sources: ServiceName[]): Promise<string[]>;
  /** Stops every consumer and publisher this transport started, then releases its connections. */
  close(): Promise<void>;
}

/**
 * Hooks where the observability library can add spans later without this library depending on it.
 * Trace context already travels without them: `metadata.traceparent` → Kafka headers → `metadata.traceparent`.
 */
export interface TransportTracing {
  /** Called for each event as it is published; may rewrite `headers` (e.g. to a relay span's context). */
  onPublish?(event: RecordedEvent, headers: Record<string, string>, topic: string): void;
  /** Wraps the handling of one batch (e.g. in a consumer span linked to each event's traceparent). */
  aroundHandle?<T>(consumer: string, events: IncomingEvent[], handle: () => Promise<T>): Promise<T>;
  /** Wraps the relay's send of one batch to Kafka (e.g. in a PRODUCER span timing the acknowledged send). */
  aroundPublish?<T>(topic: string, events: RecordedEvent[], send: () => Promise<T>): Promise<T>;
  /** A message was parked on the dead-letter topic (e.g. to count dead letters). Must not throw. */
  onDeadLetter?(consumer: string, topic: string, error: unknown): void;
}
