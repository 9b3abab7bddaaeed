import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Registry } from 'prom-client';
import { httpRequestDuration } from './http-metrics';
import * as platform from './platform-metrics';
import { onScrape, renderMetrics } from './scrape-collectors';

const infra = path.resolve(__dirname, '../../../../infra');
const files = ['grafana/ishc-platform.dashboard.json', 'prometheus/alerts.yml'];

/** Every metric the platform defines, registered on one registry. */
async function definedMetricNames(): Promise<Set<string>> {
  const registry = new Registry();
  httpRequestDuration(registry);
  for (const define of Object.values(platform)) {
    if (typeof define === 'function' && define.length <= 1 && define !== platform.recordCacheLookup) (define as (r: Registry) => unknown)(registry);
  }
  onScrape(registry, 'failing', async () => {
    throw new Error('defines ishc_scrape_collector_failures_total');
  });
  await renderMetrics(registry);
  return new Set(registry.getMetricsAsArray().map((m) => m.name));
}

describe('the Grafana dashboard and the Prometheus alerts', () => {
  it('use only metrics the platform defines', async () => {
    const defined = await definedMetricNames();
    for (const file of files) {
      const text = readFileSync(path.join(infra, file), 'utf8');
      const used = new Set([...text.matchAll(/\b((?:ishc|http_server)_[a-z_]+)/g)].map((m) => m[1].replace(/_(bucket|count|sum)$/, '')));
      expect(used.size).toBeGreaterThan(3);
      expect([...used].filter((name) => !defined.has(name)).map((name) => `${file}: ${name}`)).toEqual([]);
    }
  });

  it('is valid JSON with unique panel ids', () => {
    const dashboard = JSON.parse(readFileSync(path.join(infra, files[0]), 'utf8')) as { panels: { id: number }[] };
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
