import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpanKind, trace } from '@opentelemetry/api';
import { SpanJson } from './span-json';
import { startTracing } from './start-tracing';
import { readTracingSettings } from './traces-exporter-config';
import { withSpan } from './with-span';

describe('startTracing with OTEL_TRACES_EXPORTER=file', () => {
  it('writes each finished span as one JSON line with ids, parent, links and service', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ishc-trace-')), 'spans.jsonl');
    const tracing = startTracing({
      env: { OTEL_TRACES_EXPORTER: 'file', ISHC_TRACE_FILE: file, OTEL_SERVICE_NAME: 'registry' },
      instrumentHttp: false,
    });
    const linked = '00-33333333333333333333333333333333-3333333333333333-01';
    try {
      await withSpan('POST /api/registry/members', { kind: SpanKind.SERVER, attributes: { 'http.url': 'http://x/api?q=secret' } }, () =>
        withSpan('append', { links: [linked], attributes: { 'ishc.stream': 'member-1' } }, async () => undefined),
      );
    } finally {
      await tracing.shutdown();
      trace.disable();
    }

    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const spans = lines.map((line) => JSON.parse(line) as SpanJson);
    const [append, request] = spans;
    expect(spans).toHaveLength(2);
    expect(request).toMatchObject({ name: 'POST /api/registry/members', kind: 'SERVER', service: 'registry', parentSpanId: null });
    expect(append).toMatchObject({
      name: 'append',
      kind: 'INTERNAL',
      traceId: request.traceId,
      parentSpanId: request.spanId,
      attributes: { 'ishc.stream': 'member-1' },
      links: [{ traceId: '33333333333333333333333333333333', spanId: '3333333333333333', attributes: {} }],
    });
    // Query strings never reach an exporter.
    expect(request.attributes['http.url']).toBe('http://x/api');
    expect(Date.parse(request.start)).toBeLessThanOrEqual(Date.parse(request.end));
  });

  it('does nothing when OTEL_SDK_DISABLED=true', async () => {
    const tracing = startTracing({ env: { OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'file' } });
    expect(tracing.enabled).toBe(false);
    await tracing.shutdown();
  });
});

describe('readTracingSettings', () => {
  it('defaults to otlp, and `none` alone exports nothing', () => {
    expect(readTracingSettings({}).exporters).toEqual(['otlp']);
    expect(readTracingSettings({ OTEL_TRACES_EXPORTER: 'none' }).exporters).toEqual([]);
    expect(readTracingSettings({ OTEL_TRACES_EXPORTER: 'zipkin, console' }).exporters).toEqual(['zipkin', 'console']);
  });

  it('names the variable of a bad value', () => {
    expect(() => readTracingSettings({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(/^OTEL_TRACES_EXPORTER: unknown exporter "jaeger"/);
    expect(() => readTracingSettings({ OTEL_TRACES_EXPORTER: 'file' })).toThrow(/^ISHC_TRACE_FILE: required/);
  });
});
