// Scrape-time metrics of a service's event sourcing: the xmin horizon's age, the relay's lag (Kafka
// transport), and each consumer's lag per partition and in seconds. Read when Prometheus scrapes
// /api/<service>/metrics (see onScrape), so they cost nothing between scrapes and are never stale.
import { CheckpointStore, Position, PostgresEventStore, START } from '@ishc/event-store';
import { ConsumerDefinition, ConsumerProgress, EventTransport, RELAY_PROCESSOR_ID, RunningConsumer, ServiceName } from '@ishc/messaging';
import {
  consumerLagEvents,
  onScrape,
  projectionLagSeconds,
  relayLagEvents,
  relayLagSeconds,
  xminHorizonAge,
} from '@ishc/observability';
import { Registry } from 'prom-client';
import { AppliedBatchObserver } from './transport-tracing';

interface TrackedConsumer {
  def: ConsumerDefinition;
  running: RunningConsumer;
}

/**
 * Remembers the consumers a transport started (and forgets stopped ones), and the write-to-apply delay
 * of each consumer's latest batch per source.
 */
export class ConsumerTracker implements AppliedBatchObserver {
  private readonly consumers = new Set<TrackedConsumer>();
  private readonly latestDelay = new Map<string, number>();

  /** The same transport, whose startConsumer registers what it starts here. */
  track(transport: EventTransport): EventTransport {
    return {
      kind: transport.kind,
      startPublisher: (service, store) => transport.startPublisher(service, store),
      isReady: () => transport.isReady(),
      missingHistory: (sources) => transport.missingHistory(sources),
      close: () => transport.close(),
      startConsumer: async (def) => {
        const running = await transport.startConsumer(def);
        const tracked: TrackedConsumer = { def, running };
        this.consumers.add(tracked);
        return {
          ...running,
          stop: async () => {
            this.consumers.delete(tracked);
            await running.stop();
          },
        };
      },
    };
  }

  list(): TrackedConsumer[] {
    return [...this.consumers];
  }

  onApplied(consumer: string, source: string, delaySeconds: number): void {
    this.latestDelay.set(`${consumer}\u0000${source}`, delaySeconds);
  }

  latestDelaySeconds(consumer: string, source: string): number | undefined {
    return this.latestDelay.get(`${consumer}\u0000${source}`);
  }
}

export interface EventSourcingMetricsDeps {
  service: ServiceName;
  registry: Registry;
  store: PostgresEventStore;
  transport: EventTransport;
  consumers: ConsumerTracker;
  /** Embedded transport: the producers' stores, to tell the age of the oldest unapplied event exactly. */
  sourceStores: Partial<Record<ServiceName, PostgresEventStore>>;
}

/** Registers the collectors on the registry; returns their unregistration. */
export function registerEventSourcingMetrics(deps: EventSourcingMetricsDeps): () => void {
  const { registry, store } = deps;
  const horizon = xminHorizonAge(registry);
  const checkpoints = new CheckpointStore();
  const unregister = [
    onScrape(registry, 'xmin_horizon', async () => {
      horizon.set(await store.horizonAgeSeconds());
    }),
  ];
  if (deps.transport.kind === 'kafka') {
    const events = relayLagEvents(registry);
    const seconds = relayLagSeconds(registry);
    unregister.push(
      onScrape(registry, 'relay_lag', async () => {
        const backlog = await store.backlogAfter(await checkpoints.read(store.pool, RELAY_PROCESSOR_ID, 'all'));
        events.set(backlog.events);
        seconds.set(ageSeconds(backlog.oldestRecordedAt));
      }),
    );
  }
  const lag = consumerLagEvents(registry);
  const lagSeconds = projectionLagSeconds(registry);
  unregister.push(
    onScrape(registry, 'consumer_lag', async () => {
      const readings = await Promise.all(deps.consumers.list().map(async ({ def, running }) => ({ def, progress: await running.status() })));
      // Reset first: a consumer that stopped, or a partition no longer assigned, must not keep its last value.
      lag.reset();
      lagSeconds.reset();
      for (const { def, progress } of readings) {
        for (const source of def.sources) {
          const reading = await sourceLag(deps, def.name, source, progress.filter((p) => p.source === source));
          for (const [partition, events] of reading.events) lag.set({ consumer: def.name, source, partition }, events);
          lagSeconds.set({ consumer: def.name, source }, reading.seconds);
        }
      }
    }),
  );
  return () => unregister.forEach((off) => off());
}

/**
 * A consumer's lag on one source. Where the producer's store is readable (embedded transport) both
 * numbers are exact and count the events an open transaction still hides (they are lag too); on Kafka
 * the events come from the offsets and the seconds from the latest applied batch.
 */
async function sourceLag(
  deps: EventSourcingMetricsDeps,
  consumer: string,
  source: ServiceName,
  progress: ConsumerProgress[],
): Promise<{ events: Map<string, number>; seconds: number }> {
  const sourceStore = deps.sourceStores[source];
  if (sourceStore && progress.length === 1) {
    const position: Position = progress[0].position ?? START;
    const backlog = await sourceStore.backlogAfter(position);
    return { events: new Map([[progress[0].partition, backlog.events]]), seconds: ageSeconds(backlog.oldestRecordedAt) };
  }
  const events = new Map(progress.map((p) => [p.partition, p.lag ?? 0]));
  const behind = [...events.values()].some((n) => n > 0);
  return { events, seconds: behind ? (deps.consumers.latestDelaySeconds(consumer, source) ?? 0) : 0 };
}

function ageSeconds(since: Date | null): number {
  return since ? Math.max(0, (Date.now() - since.getTime()) / 1000) : 0;
}
