import { SpanKind, trace } from '@opentelemetry/api';
import { RecordedEvent } from '@ishc/event-store';
import { TRACER_NAME, contextFromTraceparent, currentTraceContext, withSpan } from '@ishc/observability';
import { IncomingEvent, TransportTracing } from '@ishc/messaging';

/**
 * Spans for the transports (OTel messaging conventions): a batch span per consumed batch linking every
 * message's context, and inside it one span per event as a child of the event's own traceparent, so a
 * user action stays one trace across processes. Only ids and types go into attributes, never payloads.
 */
export const transportTracing: TransportTracing = {
  /**
   * The relay's publish of one event: a PRODUCER span in the event's own trace; the message then carries
   * this span's context, so the consumer's span hangs below the relay's.
   */
  onPublish(event: RecordedEvent, headers: Record<string, string>, topic: string): void {
    if (!event.metadata.traceparent) return;
    const parent = contextFromTraceparent(event.metadata.traceparent, event.metadata.tracestate ?? null);
    const span = trace.getTracer(TRACER_NAME).startSpan(
      `send ${topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'send',
          'messaging.destination.name': topic,
          'messaging.message.id': event.eventId,
          'ishc.event.type': event.type,
        },
      },
      parent,
    );
    const context = currentTraceContext(trace.setSpan(parent, span));
    if (context.traceparent) headers.traceparent = context.traceparent;
    span.end();
  },

  aroundHandle<T>(consumer: string, events: IncomingEvent[], handle: () => Promise<T>): Promise<T> {
    const source = events[0]?.source ?? 'unknown';
    return withSpan(
      `process ${source} events`,
      {
        kind: SpanKind.CONSUMER,
        links: events.map((e) => e.metadata.traceparent),
        attributes: {
          'messaging.system': 'ishc',
          'messaging.operation.type': 'process',
          'messaging.consumer.group.name': consumer,
          'messaging.destination.name': `ishc.${source}.events`,
          'messaging.batch.message_count': events.length,
        },
      },
      async () => {
        // One span per distinct trace in the batch, parented to it, so each originating trace shows
        // its projection step. The batch is still applied in one transaction inside the first.
        const traceparents = [...new Set(events.map((e) => e.metadata.traceparent).filter((tp): tp is string => Boolean(tp)))];
        let run: () => Promise<T> = handle;
        for (const parent of traceparents) {
          const inner = run;
          run = () =>
            withSpan(`apply ${source} events`, { kind: SpanKind.CONSUMER, parent, attributes: { 'messaging.consumer.group.name': consumer } }, inner);
        }
        return run();
      },
    );
  },
};

