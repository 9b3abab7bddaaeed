import { Registry } from 'prom-client';
import { UNMATCHED_ROUTE, httpRequestDuration } from './http-metrics';
import { enableDefaultMetrics, getOrCreateCounter } from './metrics-registry';
import { renderMetrics } from './scrape-collectors';

describe('metrics registry', () => {
  it('exposes the HTTP duration histogram labelled with the service, in Prometheus text format', async () => {
    const registry = new Registry();
    enableDefaultMetrics('registry', registry);
    httpRequestDuration(registry).observe({ method: 'POST', route: '/api/registry/members', status_code: '201' }, 0.042);
    httpRequestDuration(registry).observe({ method: 'GET', route: UNMATCHED_ROUTE, status_code: '404' }, 0.001);

    const { contentType, body } = await renderMetrics(registry);
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('# TYPE http_server_request_duration_seconds histogram');
    expect(body).toContain(
      'http_server_request_duration_seconds_count{service="registry",method="POST",route="/api/registry/members",status_code="201"} 1',
    );
    expect(body).toContain('process_cpu_user_seconds_total');
  });

  it('returns the registered metric when asked again, and refuses a type clash', () => {
    const registry = new Registry();
    const first = getOrCreateCounter({ name: 'ishc_things_total', help: 'things' }, registry);
    expect(getOrCreateCounter({ name: 'ishc_things_total', help: 'things' }, registry)).toBe(first);
    expect(() => httpRequestDuration(registry)).not.toThrow();
    expect(() =>
      getOrCreateCounter({ name: 'http_server_request_duration_seconds', help: 'clash' }, registry),
    ).toThrow(/another type/);
  });
});
