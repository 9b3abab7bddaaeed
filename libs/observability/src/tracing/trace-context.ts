import {
  Context,
  Link,
  ROOT_CONTEXT,
  SpanContext,
  TextMapGetter,
  TextMapSetter,
  context as otelContext,
  trace,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** The W3C trace context of a span, as carried in event metadata and Kafka headers. */
export interface TraceContextHeaders {
  traceparent: string | null;
  tracestate: string | null;
}

// A fixed W3C propagator rather than the global one: events and Kafka headers always carry
// `traceparent`, whatever OTEL_PROPAGATORS says, and these helpers work before (or without) the SDK.
const propagator = new W3CTraceContextPropagator();

type Carrier = Record<string, string>;

const setter: TextMapSetter<Carrier> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

const getter: TextMapGetter<Carrier> = {
  get: (carrier, key) => carrier[key],
  keys: (carrier) => Object.keys(carrier),
};

/** The trace context of the active span (or of `ctx`); nulls when there is no valid span. */
export function currentTraceContext(ctx: Context = otelContext.active()): TraceContextHeaders {
  const carrier: Carrier = {};
  propagator.inject(ctx, carrier, setter);
  return { traceparent: carrier.traceparent ?? null, tracestate: carrier.tracestate ?? null };
}

/**
 * An OTel Context whose remote parent is the given traceparent. Starts from ROOT_CONTEXT by default so
 * that a span started in it belongs to the message's trace, not to whatever happens to be active (for
 * instance a consumer's batch span). An absent or malformed traceparent yields `base` unchanged.
 */
export function contextFromTraceparent(
  traceparent: string | null | undefined,
  tracestate?: string | null,
  base: Context = ROOT_CONTEXT,
): Context {
  if (!traceparent) return base;
  const carrier: Carrier = { traceparent };
  if (tracestate) carrier.tracestate = tracestate;
  return propagator.extract(base, carrier, getter);
}

/** The span context a traceparent names, or null when it is absent or malformed. */
export function spanContextFromTraceparent(
  traceparent: string | null | undefined,
  tracestate?: string | null,
): SpanContext | null {
  const spanContext = trace.getSpanContext(contextFromTraceparent(traceparent, tracestate));
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext : null;
}

/** A span link to the context a traceparent names (OTel messaging: a batch span links each message). */
export function linkFromTraceparent(
  traceparent: string | null | undefined,
  attributes?: Link['attributes'],
): Link | null {
  const spanContext = spanContextFromTraceparent(traceparent);
  if (!spanContext) return null;
  return attributes ? { context: spanContext, attributes } : { context: spanContext };
}
