import { TraceContextHeaders, currentTraceContext } from './trace-context';

/** A Kafka header value as kafkajs presents it. */
export type MessageHeaderValue = Buffer | string | (Buffer | string)[] | undefined;

/** `traceparent`/`tracestate` headers for an outgoing message, from the active span (none when there is no span). */
export function traceHeaders(trace: TraceContextHeaders = currentTraceContext()): Record<string, string> {
  const headers: Record<string, string> = {};
  if (trace.traceparent) headers.traceparent = trace.traceparent;
  if (trace.tracestate) headers.tracestate = trace.tracestate;
  return headers;
}

/** Reads `traceparent`/`tracestate` back from a consumed message's headers. */
export function traceContextFromHeaders(headers: Record<string, MessageHeaderValue> | undefined): TraceContextHeaders {
  return {
    traceparent: headerText(headers?.traceparent),
    tracestate: headerText(headers?.tracestate),
  };
}

function headerText(value: MessageHeaderValue): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return null;
  return typeof first === 'string' ? first : first.toString('utf8');
}
