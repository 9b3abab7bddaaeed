// The platform's own metrics, defined once so that every library and service uses the same names, help
// texts and labels (docs/operations.md lists them with their alerts). Labels are bounded sets: service
// (a default label), stream type, consumer, source, partition, topic, cache, projection; never an id.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { getOrCreateCounter, getOrCreateGauge, getOrCreateHistogram, metricsRegistry } from './metrics-registry';

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
const DELAY_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** Duration of one event-store append statement (the write path's database part). */
export function appendDuration(registry: Registry = metricsRegistry): Histogram<'stream_type'> {
  return getOrCreateHistogram<'stream_type'>(
    { name: 'ishc_event_store_append_duration_seconds', help: 'Duration of event-store appends, by stream type', labelNames: ['stream_type'], buckets: LATENCY_BUCKETS },
    registry,
  );
}

/** Events of this service's store the Kafka relay has not published yet. */
export function relayLagEvents(registry: Registry = metricsRegistry): Gauge {
  return getOrCreateGauge({ name: 'ishc_relay_lag_events', help: 'Events written but not yet published to Kafka by the relay' }, registry);
}

/** Age of the oldest event the relay has not published (0 when it has published everything). */
export function relayLagSeconds(registry: Registry = metricsRegistry): Gauge {
  return getOrCreateGauge({ name: 'ishc_relay_lag_seconds', help: 'Age of the oldest event not yet published to Kafka (0 when none)' }, registry);
}

export type ConsumerLagLabels = 'consumer' | 'source' | 'partition';

/** Events a consumer has still to apply, per source and partition (Kafka partition, or the source store). */
export function consumerLagEvents(registry: Registry = metricsRegistry): Gauge<ConsumerLagLabels> {
  return getOrCreateGauge<ConsumerLagLabels>(
    { name: 'ishc_consumer_lag_events', help: 'Events not yet applied by a consumer, per source and partition', labelNames: ['consumer', 'source', 'partition'] },
    registry,
  );
}

/**
 * How far behind in time a consumer's read model is, per source: 0 when it has applied everything it can
 * see; else the age of the oldest event it has not applied when the transport can read it (embedded), or
 * the write-to-apply delay of the newest event it applied (Kafka).
 */
export function projectionLagSeconds(registry: Registry = metricsRegistry): Gauge<'consumer' | 'source'> {
  return getOrCreateGauge<'consumer' | 'source'>(
    { name: 'ishc_projection_lag_seconds', help: 'How far behind in time a consumer is, per source (0 when caught up)', labelNames: ['consumer', 'source'] },
    registry,
  );
}

/** Time from an event's write in its producer to its application by a consumer. */
export function projectionDelay(registry: Registry = metricsRegistry): Histogram<'consumer' | 'source'> {
  return getOrCreateHistogram<'consumer' | 'source'>(
    { name: 'ishc_projection_delay_seconds', help: 'Time from an event being written to a consumer applying it', labelNames: ['consumer', 'source'], buckets: DELAY_BUCKETS },
    registry,
  );
}

/** Age of the oldest open transaction in the cluster: subscribers cannot read past it (ADR 0002). */
export function xminHorizonAge(registry: Registry = metricsRegistry): Gauge {
  return getOrCreateGauge(
    { name: 'ishc_xmin_horizon_age_seconds', help: 'Age of the oldest transaction holding an id in the PostgreSQL cluster (subscribers stall behind it)' },
    registry,
  );
}

/** Messages parked on a dead-letter topic by this process's consumers. */
export function deadLetters(registry: Registry = metricsRegistry): Counter<'consumer' | 'topic'> {
  return getOrCreateCounter<'consumer' | 'topic'>(
    { name: 'ishc_dead_letters_total', help: 'Messages sent to the dead-letter topic after bounded retries', labelNames: ['consumer', 'topic'] },
    registry,
  );
}

export type CacheResult = 'hit' | 'miss';

/** Cache lookups by outcome; the hit rate is hits / all lookups (see infra/grafana). */
export function cacheLookups(registry: Registry = metricsRegistry): Counter<'cache' | 'result'> {
  return getOrCreateCounter<'cache' | 'result'>(
    { name: 'ishc_cache_lookups_total', help: 'Cache lookups by cache and result (hit or miss)', labelNames: ['cache', 'result'] },
    registry,
  );
}

/**
 * The hook for caches (e.g. reporting's indicator cache): call once per lookup. `cache` names the cache,
 * not the key (keys hold org units and dates: a series each would be unbounded).
 */
export function recordCacheLookup(cache: string, hit: boolean, registry: Registry = metricsRegistry): void {
  cacheLookups(registry).inc({ cache, result: hit ? 'hit' : 'miss' });
}

/** 1 while a projection is being rebuilt (the service is not ready meanwhile), else 0. */
export function projectionRebuilding(registry: Registry = metricsRegistry): Gauge<'projection'> {
  return getOrCreateGauge<'projection'>(
    { name: 'ishc_projection_rebuilding', help: '1 while a projection is rebuilt from the start (the service reports not ready)', labelNames: ['projection'] },
    registry,
  );
}
