import { Histogram, Registry } from 'prom-client';
import { getOrCreateHistogram, metricsRegistry } from './metrics-registry';

export type HttpMetricLabels = 'method' | 'route' | 'status_code';

/** Route label for requests that matched no route: scanners must not create a series per path. */
export const UNMATCHED_ROUTE = 'unmatched';

/** `http_server_request_duration_seconds{method, route, status_code}`; route is the template, never the path. */
export function httpRequestDuration(registry: Registry = metricsRegistry): Histogram<HttpMetricLabels> {
  return getOrCreateHistogram<HttpMetricLabels>(
    {
      name: 'http_server_request_duration_seconds',
      help: 'Duration of HTTP requests served, by route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    },
    registry,
  );
}
