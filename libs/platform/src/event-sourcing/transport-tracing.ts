import { SpanKind, trace } from '@opentelemetry/api';
import { RecordedEvent } from '@ishc/event-store';
import { TRACER_NAME, contextFromTraceparent, currentTraceContext, deadLetters, projectionDelay, withSpan } from '@ishc/observability';
import { IncomingEvent, TransportTracing } from '@ishc/messaging';
import { Registry } from 'prom-client';

export type TransportKind = 'embedded' | 'kafka';

/** What a consumer remembers of its latest batch per source, for the projection-lag gauge. */
export interface AppliedBatchObserver {
  onApplied(consumer: string, source: string, delaySeconds: number): void;
}

/**
 * Spans for the transports (OTel messaging conventions): a batch span per consumed batch linking every
 * message's context, and inside it one span per event as a child of the event's own traceparent, so a
 * user action stays one trace across processes. Only ids and types go into attributes, never payloads.
 */
export const transportTracing: TransportTracing = transportHooks('kafka');

/**
 * The transport hooks of one process: the spans above, and, with a registry, the write-to-apply delay of
 * each applied event and the dead-letter count. `kind` names the messaging system in span attributes
 * (`kafka`, or `ishc_embedded` for the direct subscription to a producer's event store).
 */
export function transportHooks(kind: TransportKind, registry?: Registry, observer?: AppliedBatchObserver): TransportTracing {
  const system = kind === 'kafka' ? 'kafka' : 'ishc_embedded';
  const delay = registry ? projectionDelay(registry) : undefined;
  const dlq = registry ? deadLetters(registry) : undefined;
  return {
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
            'messaging.operation.name': 'send',
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

    /** The relay's acknowledged send of a batch: its own span (the relay loop's), linking each event's send. */
    aroundPublish<T>(topic: string, events: RecordedEvent[], send: () => Promise<T>): Promise<T> {
      return withSpan(
        `publish ${topic}`,
        {
          kind: SpanKind.PRODUCER,
          links: events.map((e) => e.metadata.traceparent),
          attributes: {
            'messaging.system': 'kafka',
            'messaging.operation.type': 'send',
            'messaging.operation.name': 'send',
            'messaging.destination.name': topic,
            'messaging.batch.message_count': events.length,
          },
        },
        send,
      );
    },

    aroundHandle<T>(consumer: string, events: IncomingEvent[], handle: () => Promise<T>): Promise<T> {
      const source = events[0]?.source ?? 'unknown';
      const attributes = {
        'messaging.system': system,
        'messaging.operation.type': 'process',
        'messaging.operation.name': 'process',
        'messaging.consumer.group.name': consumer,
        'messaging.destination.name': `ishc.${source}.events`,
      };
      return withSpan(
        `process ${source} events`,
        { kind: SpanKind.CONSUMER, links: events.map((e) => e.metadata.traceparent), attributes: { ...attributes, 'messaging.batch.message_count': events.length } },
        async () => {
          // One span per distinct trace in the batch, parented to it, so each originating trace shows
          // its projection step. The batch is still applied in one transaction inside the first.
          const traceparents = [...new Set(events.map((e) => e.metadata.traceparent).filter((tp): tp is string => Boolean(tp)))];
          let run: () => Promise<T> = handle;
          for (const parent of traceparents) {
            const inner = run;
            const ofTrace = events.filter((e) => e.metadata.traceparent === parent);
            run = () =>
              withSpan(
                `apply ${source} events`,
                {
                  kind: SpanKind.CONSUMER,
                  parent,
                  attributes: { ...attributes, 'messaging.batch.message_count': ofTrace.length, 'ishc.event.types': [...new Set(ofTrace.map((e) => e.type))] },
                },
                inner,
              );
          }
          const result = await run();
          recordDelays(consumer, source, events);
          return result;
        },
      );
    },

    onDeadLetter(consumer: string, topic: string): void {
      dlq?.inc({ consumer, topic });
    },
  };

  function recordDelays(consumer: string, source: string, events: IncomingEvent[]): void {
    const now = Date.now();
    let newest = 0;
    for (const event of events) {
      const seconds = Math.max(0, (now - Date.parse(event.recordedAt)) / 1000);
      if (!Number.isFinite(seconds)) continue;
      delay?.observe({ consumer, source }, seconds);
      newest = seconds;
    }
    if (events.length > 0) observer?.onApplied(consumer, source, newest);
  }
}
