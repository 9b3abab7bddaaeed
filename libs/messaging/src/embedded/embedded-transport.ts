// The embedded adapter (the default, one-command mode): a consumer subscribes straight to each producer's
// event store with a checkpointed processor, effect and checkpoint in one transaction of the consumer's
// database. No broker, no relay; the same boundaries, since each service still owns its database.
import { comparePositions, migrateEventStore, type PostgresEventStore, type RetryBackoff } from '@ishc/event-store';
import type { Pool } from 'pg';
import { defaultLogger, type MessagingLogger } from '../logger';
import type { EventTransport, RunningConsumer, ServiceName, TransportTracing } from '../transport.port';
import { startSourceProcessors } from './source-processors';

export interface EmbeddedTransportOptions {
  /** The producers' stores this process can read (their databases are reachable in embedded mode). */
  sources: Partial<Record<ServiceName, PostgresEventStore>>;
  logger?: MessagingLogger;
  tracing?: TransportTracing;
  processor?: {
    /** How long a successor waits for a vanished instance's lease (runProcessor's default: 30 s). */
    leaseMs?: number;
    idleWaitMs?: number;
    retry?: RetryBackoff;
  };
}

const READINESS_TIMEOUT_MS = 3_000;

export function createEmbeddedTransport(options: EmbeddedTransportOptions): EventTransport {
  const logger = options.logger ?? defaultLogger;
  const consumers = new Set<RunningConsumer>();

  const storeOf = (source: ServiceName): PostgresEventStore => {
    const store = options.sources[source];
    if (!store) throw new Error(`embedded transport: no event store configured for source '${source}'`);
    return store;
  };

  return {
    kind: 'embedded',

    async startConsumer(def) {
      const stores = def.sources.map((source) => ({ source, store: storeOf(source) }));
      // The checkpoints and leases live next to the consumer's effects.
      await migrateEventStore(def.target);
      const running = await startSourceProcessors({ def, stores, logger, tracing: options.tracing, settings: options.processor ?? {} });
      const consumer: RunningConsumer = {
        status: running.status,
        stop: async () => {
          consumers.delete(consumer);
          await running.stop();
        },
        isProcessed: async (source, position) => comparePositions(await running.checkpoint(source), position) >= 0,
      };
      consumers.add(consumer);
      return consumer;
    },

    // Consumers read the producer's store directly: there is nothing to publish.
    async startPublisher() {
      return { stop: async () => undefined };
    },

    // The stores keep every event: nothing can be missing.
    async missingHistory() {
      return [];
    },

    async isReady() {
      const pools = Object.values(options.sources).map((store) => store.pool);
      const answers = await Promise.all(pools.map((pool) => respondsWithin(pool, READINESS_TIMEOUT_MS)));
      return answers.every(Boolean);
    },

    async close() {
      await Promise.all([...consumers].map((consumer) => consumer.stop()));
    },
  };
}

async function respondsWithin(pool: Pool, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const query = pool.query('SELECT 1').then(
    () => true,
    () => false,
  );
  return Promise.race([query, timeout]).finally(() => clearTimeout(timer));
}
