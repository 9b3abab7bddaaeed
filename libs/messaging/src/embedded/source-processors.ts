// One event-store processor per source: processor id = the consumer's name, partition = the source, so
// each source has its own checkpoint (and lease) in the consumer's database and sources never wait on
// each other.
import { CheckpointStore, comparePositions, type Position, type PostgresEventStore, type RetryBackoff, type RunningProcessor, runProcessor } from '@ishc/event-store';
import { errorFields, type MessagingLogger } from '../logger';
import type { ConsumerDefinition, ConsumerProgress, IncomingEvent, ServiceName, TransportTracing } from '../transport.port';

export interface SourceProcessorSettings {
  leaseMs?: number;
  idleWaitMs?: number;
  retry?: RetryBackoff;
}

export interface SourceProcessorsDeps {
  def: ConsumerDefinition;
  stores: Array<{ source: ServiceName; store: PostgresEventStore }>;
  logger: MessagingLogger;
  tracing?: TransportTracing;
  settings: SourceProcessorSettings;
}

export interface RunningSourceProcessors {
  stop(): Promise<void>;
  /** The committed checkpoint for one source, read from the consumer's database. */
  checkpoint(source: ServiceName): Promise<Position>;
  status(): Promise<ConsumerProgress[]>;
}

export async function startSourceProcessors(deps: SourceProcessorsDeps): Promise<RunningSourceProcessors> {
  const { def, logger, tracing, settings } = deps;
  const checkpoints = new CheckpointStore();
  const processors: RunningProcessor[] = [];
  const stopAll = () => Promise.all(processors.map((p) => p.stop())).then(() => undefined);
  try {
    for (const { source, store } of deps.stores) {
      processors.push(
        await runProcessor({
          processorId: def.name,
          partition: source,
          source: store,
          target: def.target,
          batchSize: def.batchSize,
          leaseMs: settings.leaseMs,
          idleWaitMs: settings.idleWaitMs,
          retry: settings.retry,
          handle: (events, client) => {
            const incoming: IncomingEvent[] = events.map((event) => ({ ...event, source }));
            const handle = () => def.handle(incoming, client);
            return tracing?.aroundHandle ? tracing.aroundHandle(def.name, incoming, handle) : handle();
          },
          onError: (error, attempt) => logger.warn({ consumer: def.name, source, attempt, ...errorFields(error) }, 'applying events failed; retrying from the checkpoint'),
        }),
      );
    }
  } catch (error) {
    await stopAll();
    throw error;
  }

  const checkpoint = (source: ServiceName) => checkpoints.read(def.target, def.name, source);
  return {
    stop: stopAll,
    checkpoint,
    async status() {
      return Promise.all(
        deps.stores.map(async ({ source, store }) => {
          const [position, head] = await Promise.all([checkpoint(source), store.headPosition()]);
          return { source, partition: source, position: position.globalPosition === '0' ? null : position, lag: estimatedLag(position, head) };
        }),
      );
    },
  };
}

/**
 * Events between the checkpoint and the store's readable head, estimated from global positions (exact
 * unless sequence values were skipped by rolled-back appends, or transactions committed out of order).
 */
function estimatedLag(checkpoint: Position, head: Position): number {
  if (comparePositions(checkpoint, head) >= 0) return 0;
  return Math.max(1, Number(BigInt(head.globalPosition) - BigInt(checkpoint.globalPosition)));
}
