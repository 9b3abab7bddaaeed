import { SpanKind } from '@opentelemetry/api';
import { InMemoryTracer, installInMemoryTracer, withSpan } from '@ishc/observability';
import { setTraceResponse } from './trace-response';

describe('setTraceResponse', () => {
  let tracer: InMemoryTracer;
  beforeEach(() => {
    tracer = installInMemoryTracer();
  });
  afterEach(() => tracer.uninstall());

  it('answers with the request span’s trace context, and with nothing outside a span', async () => {
    const headers: Record<string, unknown> = {};
    const res = { setHeader: (name: string, value: unknown) => void (headers[name] = value) } as never;
    const span = await withSpan('GET /api/registry/clubs', { kind: SpanKind.SERVER }, async (s) => {
      setTraceResponse(res);
      return s.spanContext();
    });
    expect(headers.traceresponse).toBe(`00-${span.traceId}-${span.spanId}-01`);

    const outside: Record<string, unknown> = {};
    setTraceResponse({ setHeader: (name: string, value: unknown) => void (outside[name] = value) } as never);
    expect(outside).toEqual({});
  });
});
