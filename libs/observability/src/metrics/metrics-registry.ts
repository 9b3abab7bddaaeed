import {
  Counter,
  CounterConfiguration,
  Gauge,
  GaugeConfiguration,
  Histogram,
  HistogramConfiguration,
  Registry,
  collectDefaultMetrics,
} from 'prom-client';

/**
 * The process's Prometheus registry. A process runs one service, so one registry holds everything
 * (HTTP, event store, relay, consumers) and is served at `/api/<service>/metrics`.
 */
export const metricsRegistry = new Registry();

const withDefaults = new WeakSet<Registry>();

/** Labels every series with the service and adds Node's process metrics (once per registry). */
export function enableDefaultMetrics(service: string, registry: Registry = metricsRegistry): void {
  registry.setDefaultLabels({ service });
  if (withDefaults.has(registry)) return;
  withDefaults.add(registry);
  collectDefaultMetrics({ register: registry });
}

// Libraries define their metrics where they use them; several apps in one test process (or a module
// loaded twice) must get the same metric back instead of a "already registered" error.
function getOrCreate<M>(registry: Registry, name: string, type: abstract new (...args: never[]) => M, create: () => M): M {
  const existing = registry.getSingleMetric(name);
  if (existing === undefined) return create();
  if (existing instanceof type) return existing;
  throw new Error(`metric ${name} is already registered with another type`);
}

export function getOrCreateHistogram<T extends string>(
  config: Omit<HistogramConfiguration<T>, 'registers'>,
  registry: Registry = metricsRegistry,
): Histogram<T> {
  return getOrCreate(registry, config.name, Histogram, () => new Histogram<T>({ ...config, registers: [registry] })) as Histogram<T>;
}

export function getOrCreateCounter<T extends string>(
  config: Omit<CounterConfiguration<T>, 'registers'>,
  registry: Registry = metricsRegistry,
): Counter<T> {
  return getOrCreate(registry, config.name, Counter, () => new Counter<T>({ ...config, registers: [registry] })) as Counter<T>;
}

export function getOrCreateGauge<T extends string>(
  config: Omit<GaugeConfiguration<T>, 'registers'>,
  registry: Registry = metricsRegistry,
): Gauge<T> {
  return getOrCreate(registry, config.name, Gauge, () => new Gauge<T>({ ...config, registers: [registry] })) as Gauge<T>;
}
