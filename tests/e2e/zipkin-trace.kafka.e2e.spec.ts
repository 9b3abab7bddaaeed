import { randomBytes } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { apiClient } from './support/api-client';
import { defineOneCommune } from './support/org-units';
import { waitFor } from './support/platform-process';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

/** A span as Zipkin's v2 API returns it (only what this test reads). */
interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: string;
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

const METRICS_TOKEN = 'e2e-scrape-token-of-at-least-32-characters';

const zipkinUrl = () => process.env.ZIPKIN_URL ?? 'http://127.0.0.1:9411';

async function zipkinTrace(traceId: string): Promise<ZipkinSpan[]> {
  const res = await fetch(`${zipkinUrl()}/api/v2/trace/${traceId}`);
  if (res.status === 404) return [];
  if (!res.ok) throw new Error(`zipkin answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as ZipkinSpan[];
}

const serviceOf = (span: ZipkinSpan) => span.localEndpoint?.serviceName ?? '';

/**
 * Issue 7's CI trace test, against a real Zipkin (infra/zipkin/start.sh): every process exports with
 * OTEL_TRACES_EXPORTER=zipkin, an officer's request arrives with its own traceparent (as from a browser
 * that traces), and Zipkin's HTTP API then shows that one trace holding the gateway's, the registry's,
 * the relay's and reporting's spans.
 */
describeWith(['postgres', 'kafka', 'zipkin'], 'one club creation is one trace in Zipkin (Kafka transport)', () => {
  let platform: PlatformUnderTest;
  beforeAll(async () => {
    platform = await startPlatform({
      services: ['registry', 'reporting'],
      transport: 'kafka',
      extraEnv: {
        OTEL_TRACES_EXPORTER: 'zipkin',
        OTEL_EXPORTER_ZIPKIN_ENDPOINT: `${zipkinUrl()}/api/v2/spans`,
        OTEL_BSP_SCHEDULE_DELAY: '200',
        METRICS_TOKEN,
      },
    });
  }, 90_000);
  afterAll(() => platform?.close());

  it('shows gateway, registry, relay and reporting spans in the trace of POST /api/registry/clubs', async () => {
    const api = apiClient(platform.gateway.url, await platform.token());
    await defineOneCommune(api);
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const created = await api.post<{ id: string }>(
      '/api/registry/clubs',
      { name: 'CLB Zipkin', communeCode: 'C1', establishedOn: '2024-01-01' },
      { traceparent },
    );
    expect(created.status).toBe(201);

    // Each process exports its spans every 200 ms (OTEL_BSP_SCHEDULE_DELAY), so the trace fills up in
    // Zipkin as the event travels: registry → relay → Kafka → reporting's consumer.
    let spans: ZipkinSpan[] = [];
    const complete = () =>
      ['gateway', 'registry', 'reporting'].every((service) => spans.some((s) => serviceOf(s) === service)) &&
      spans.some((s) => /^send .*ishc\.registry\.events$/.test(s.name ?? ''));
    await waitFor(
      async () => {
        spans = await zipkinTrace(traceId);
        return complete();
      },
      60_000,
      `trace ${traceId} in Zipkin with spans of the gateway, registry, relay and reporting`,
    );

    expect(spans.every((s) => s.traceId === traceId)).toBe(true);
    const gateway = spans.find((s) => serviceOf(s) === 'gateway' && s.kind === 'SERVER');
    expect(gateway?.tags?.['http.method'] ?? gateway?.tags?.['http.request.method']).toBe('POST');
    const registryServer = spans.find((s) => serviceOf(s) === 'registry' && s.kind === 'SERVER');
    expect(registryServer?.name).toBe('post /api/registry/clubs');
    // Tagged with the commune, so Zipkin's tag search (ishc.org_unit=C1) finds every trace of one commune.
    expect(registryServer?.tags?.['ishc.org_unit']).toBe('C1');
    const command = spans.find((s) => s.name === 'command club');
    expect(command?.parentId).toBe(registryServer?.id);
    expect(spans.find((s) => s.name === 'ishc_append_events events')?.tags?.['db.system.name']).toBe('postgresql');
    const relay = spans.find((s) => /^send .*ishc\.registry\.events$/.test(s.name ?? ''));
    expect(serviceOf(relay as ZipkinSpan)).toBe('registry');
    expect(relay?.kind).toBe('PRODUCER');
    expect(relay?.tags?.['messaging.system']).toBe('kafka');
    const consumed = spans.filter((s) => serviceOf(s) === 'reporting' && s.kind === 'CONSUMER');
    expect(consumed.length).toBeGreaterThan(0);
    // The reporting side hangs below the relay's span: the trace is one tree, nothing dangles.
    const ids = new Set(spans.map((s) => s.id));
    expect(spans.filter((s) => s.parentId && !ids.has(s.parentId) && s.parentId !== traceparent.split('-')[2])).toEqual([]);
    // Nothing the officer typed reaches the tracing backend.
    expect(JSON.stringify(spans)).not.toContain('CLB Zipkin');
  }, 120_000);

  it('reports the relay lag and the consumer lag per Kafka partition, zero once everything is applied', async () => {
    const scrape = async (service: string) => {
      const res = await fetch(`${platform.gateway.url}/api/${service}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(res.status).toBe(200);
      return res.text();
    };
    const series = (text: string, name: string) => text.split('\n').filter((line) => line.startsWith(`${name}{`));
    let registry = '';
    let reporting = '';
    await waitFor(
      async () => {
        [registry, reporting] = await Promise.all([scrape('registry'), scrape('reporting')]);
        const lags = series(reporting, 'ishc_consumer_lag_events').filter((l) => l.includes('consumer="reporting-projections"') && l.includes('source="registry"'));
        return /^ishc_relay_lag_events\{[^}]*\} 0$/m.test(registry) && lags.length > 0 && lags.every((l) => l.endsWith(' 0'));
      },
      60_000,
      'relay and consumer lag at zero',
    );
    expect(registry).toMatch(/^ishc_relay_lag_seconds\{[^}]*\} 0$/m);
    // One series per partition of the registry's topic (KAFKA_TOPIC_PARTITIONS, 3 by default).
    const partitions = series(reporting, 'ishc_consumer_lag_events')
      .filter((l) => l.includes('source="registry"'))
      .map((l) => /partition="(\d+)"/.exec(l)?.[1]);
    expect(new Set(partitions)).toEqual(new Set(['0', '1', '2']));
    expect(reporting).toMatch(/^ishc_projection_lag_seconds\{[^}]*source="registry"[^}]*\} 0$/m);
    expect(reporting).toMatch(/^ishc_projection_delay_seconds_count\{[^}]*source="registry"[^}]*\} [1-9]/m);
  }, 90_000);
});
