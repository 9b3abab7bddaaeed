import { Registry } from 'prom-client';
import { recordCacheLookup, xminHorizonAge } from './platform-metrics';
import { onScrape, renderMetrics } from './scrape-collectors';

describe('scrape-time collectors', () => {
  it('read their values just before each scrape; a failing one is counted and the scrape still succeeds', async () => {
    const registry = new Registry();
    let age = 3;
    const horizon = xminHorizonAge(registry);
    onScrape(registry, 'xmin_horizon', async () => void horizon.set(age));
    const off = onScrape(registry, 'broken', async () => {
      throw new Error('database down');
    });

    expect((await renderMetrics(registry)).body).toContain('ishc_xmin_horizon_age_seconds 3');
    age = 0;
    const { body } = await renderMetrics(registry);
    expect(body).toContain('ishc_xmin_horizon_age_seconds 0');
    expect(body).toContain('ishc_scrape_collector_failures_total{collector="broken"} 2');

    off();
    expect((await renderMetrics(registry)).body).toContain('ishc_scrape_collector_failures_total{collector="broken"} 2');
  });

  it('counts cache lookups by cache and outcome, for the hit rate', async () => {
    const registry = new Registry();
    recordCacheLookup('indicators', true, registry);
    recordCacheLookup('indicators', true, registry);
    recordCacheLookup('indicators', false, registry);
    const { body } = await renderMetrics(registry);
    expect(body).toContain('ishc_cache_lookups_total{cache="indicators",result="hit"} 2');
    expect(body).toContain('ishc_cache_lookups_total{cache="indicators",result="miss"} 1');
  });
});
