import { Attributes, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { hrTimeToTimeStamp } from '@opentelemetry/core';
import { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** One line of the `file` exporter: a finished span, flat and self-describing. */
export interface SpanJson {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: keyof typeof SpanKind;
  service: string;
  attributes: Attributes;
  links: { traceId: string; spanId: string; attributes: Attributes }[];
  events: { name: string; time: string; attributes: Attributes }[];
  status: { code: keyof typeof SpanStatusCode; message?: string };
  /** ISO timestamps with nanoseconds. */
  start: string;
  end: string;
}

export function spanToJson(span: ReadableSpan): SpanJson {
  const context = span.spanContext();
  return {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    kind: SpanKind[span.kind] as keyof typeof SpanKind,
    service: String(span.resource.attributes[ATTR_SERVICE_NAME] ?? 'unknown_service'),
    attributes: span.attributes,
    links: span.links.map((link) => ({
      traceId: link.context.traceId,
      spanId: link.context.spanId,
      attributes: link.attributes ?? {},
    })),
    events: span.events.map((event) => ({
      name: event.name,
      time: hrTimeToTimeStamp(event.time),
      attributes: event.attributes ?? {},
    })),
    status: {
      code: SpanStatusCode[span.status.code] as keyof typeof SpanStatusCode,
      ...(span.status.message ? { message: span.status.message } : {}),
    },
    start: hrTimeToTimeStamp(span.startTime),
    end: hrTimeToTimeStamp(span.endTime),
  };
}
