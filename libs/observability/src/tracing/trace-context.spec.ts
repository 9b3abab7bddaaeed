import { SpanKind, context, trace } from '@opentelemetry/api';
import { InMemoryTracer, installInMemoryTracer } from './in-memory-tracer';
import { traceContextFromHeaders, traceHeaders } from './kafka-trace-headers';
import {
  contextFromTraceparent,
  currentTraceContext,
  linkFromTraceparent,
  spanContextFromTraceparent,
} from './trace-context';
import { withSpan } from './with-span';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('trace context across events and messages', () => {
  let tracer: InMemoryTracer;
  beforeEach(() => {
    tracer = installInMemoryTracer();
  });
  afterEach(() => tracer.uninstall());

  it('has no traceparent outside a span', () => {
    expect(currentTraceContext()).toEqual({ traceparent: null, tracestate: null });
  });

  it('round-trips a traceparent (and tracestate) through an OTel context', () => {
    const ctx = contextFromTraceparent(TRACEPARENT, 'ishc=1');
    expect(currentTraceContext(ctx)).toEqual({ traceparent: TRACEPARENT, tracestate: 'ishc=1' });
  });

  it('ignores a malformed traceparent', () => {
    expect(spanContextFromTraceparent('00-not-a-trace-01')).toBeNull();
    expect(linkFromTraceparent('garbage')).toBeNull();
    expect(linkFromTraceparent(null)).toBeNull();
    expect(currentTraceContext(contextFromTraceparent('garbage'))).toEqual({ traceparent: null, tracestate: null });
  });

  it('gives the active span’s traceparent, which a span continued from it descends from', async () => {
    const carried = await withSpan('command', { kind: SpanKind.SERVER }, async () => currentTraceContext());
    expect(carried.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    // Later, in another "process": the consumer continues the trace from the event's metadata.
    await withSpan('project event', { kind: SpanKind.CONSUMER, parent: carried.traceparent }, async () => undefined);

    const [command, projection] = tracer.exporter.getFinishedSpans();
    expect(projection.spanContext().traceId).toBe(command.spanContext().traceId);
    expect(projection.parentSpanContext?.spanId).toBe(command.spanContext().spanId);
  });

  it('makes a batch span link every message while each message span is a child of its own trace', async () => {
    const messages = [
      '00-11111111111111111111111111111111-1111111111111111-01',
      '00-22222222222222222222222222222222-2222222222222222-01',
    ];
    await withSpan('ishc.registry.events process', { kind: SpanKind.CONSUMER, links: [...messages, null, 'bad'] }, async () => {
      for (const traceparent of messages) {
        await withSpan('handle message', { kind: SpanKind.CONSUMER, parent: traceparent }, async () => undefined);
      }
    });

    const spans = tracer.exporter.getFinishedSpans();
    const batch = spans.find((s) => s.name === 'ishc.registry.events process');
    const perMessage = spans.filter((s) => s.name === 'handle message');
    expect(batch?.links.map((l) => l.context.traceId)).toEqual([
      '11111111111111111111111111111111',
      '22222222222222222222222222222222',
    ]);
    expect(perMessage.map((s) => [s.spanContext().traceId, s.parentSpanContext?.spanId])).toEqual([
      ['11111111111111111111111111111111', '1111111111111111'],
      ['22222222222222222222222222222222', '2222222222222222'],
    ]);
  });

  it('records a thrown error on the span and rethrows it', async () => {
    await expect(
      withSpan('failing', {}, async () => {
        throw new RangeError('boom');
      }),
    ).rejects.toThrow('boom');
    const [span] = tracer.exporter.getFinishedSpans();
    expect(span.status.code).toBe(2); // SpanStatusCode.ERROR
    expect(span.events.map((e) => e.name)).toEqual(['exception']);
  });

  it('carries trace context in Kafka headers', async () => {
    const headers = await withSpan('relay publish', { kind: SpanKind.PRODUCER }, async () => traceHeaders());
    const [published] = tracer.exporter.getFinishedSpans();
    const read = traceContextFromHeaders({ traceparent: Buffer.from(headers.traceparent), other: 'x' });
    expect(spanContextFromTraceparent(read.traceparent)?.spanId).toBe(published.spanContext().spanId);
    expect(read.tracestate).toBeNull();
    expect(trace.getSpan(context.active())).toBeUndefined();
  });
});
