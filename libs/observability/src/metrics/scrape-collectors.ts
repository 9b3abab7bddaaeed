import { Registry } from 'prom-client';
import { getOrCreateCounter, metricsRegistry } from './metrics-registry';

/** Reads a value that lives elsewhere (a database, Kafka) into gauges, just before a scrape. */
export type ScrapeCollector = () => Promise<void>;

/** A collector slower than this is abandoned for this scrape; the gauges keep their last values. */
export const SCRAPE_COLLECTOR_TIMEOUT_MS = 2_000;

const collectorsByRegistry = new WeakMap<Registry, Map<string, ScrapeCollector>>();

/**
 * Registers `collect` under `name` on `registry` (replacing one of the same name); renderMetrics runs every
 * collector before it renders. Returns the unregistration. Lag and horizon age are read at scrape time,
 * not on a timer: nothing runs when nobody watches, and a scrape always sees the current value.
 */
export function onScrape(registry: Registry, name: string, collect: ScrapeCollector): () => void {
  let collectors = collectorsByRegistry.get(registry);
  if (!collectors) {
    collectors = new Map();
    collectorsByRegistry.set(registry, collectors);
  }
  collectors.set(name, collect);
  return () => {
    if (collectors?.get(name) === collect) collectors.delete(name);
  };
}

/**
 * Runs every collector of `registry`, each bounded by SCRAPE_COLLECTOR_TIMEOUT_MS. A failing one is
 * counted in `ishc_scrape_collector_failures_total{collector}` and does not fail the scrape: the other
 * metrics (and the failure count, which is what an alert can watch) are still served.
 */
export async function runScrapeCollectors(registry: Registry): Promise<void> {
  const collectors = collectorsByRegistry.get(registry);
  if (!collectors || collectors.size === 0) return;
  const failures = getOrCreateCounter<'collector'>(
    { name: 'ishc_scrape_collector_failures_total', help: 'Scrape-time readings (lag, horizon age) that failed or timed out', labelNames: ['collector'] },
    registry,
  );
  await Promise.all(
    [...collectors].map(async ([name, collect]) => {
      try {
        await withTimeout(collect(), SCRAPE_COLLECTOR_TIMEOUT_MS);
      } catch {
        failures.inc({ collector: name });
      }
    }),
  );
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The text exposition of a registry (after its scrape-time collectors ran), with the content type to serve it under. */
export async function renderMetrics(registry: Registry = metricsRegistry): Promise<{ contentType: string; body: string }> {
  await runScrapeCollectors(registry);
  return { contentType: registry.contentType, body: await registry.metrics() };
}
