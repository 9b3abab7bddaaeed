import { Attributes, Link, Span, SpanKind, SpanStatusCode, context as otelContext, trace } from '@opentelemetry/api';
import { contextFromTraceparent, linkFromTraceparent } from './trace-context';

export const TRACER_NAME = 'ishc';

export interface WithSpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /**
   * Make the span a child of this traceparent (e.g. the one an event or message carries), so that one
   * user action stays one trace. Absent, null or malformed: the span is a child of the active context.
   */
  parent?: string | null;
  /** Traceparents to link (e.g. every message of a batch); malformed or null ones are skipped. */
  links?: (string | null | undefined)[];
}

/**
 * Runs `fn` inside a new active span. A thrown error is recorded on the span (exception event + ERROR
 * status) and rethrown. Success leaves the status UNSET, as the OTel spec asks of instrumentation.
 */
export async function withSpan<T>(name: string, options: WithSpanOptions, fn: (span: Span) => Promise<T>): Promise<T> {
  const active = otelContext.active();
  const parentContext = options.parent ? contextFromTraceparent(options.parent, null, active) : active;
  const links = (options.links ?? []).map((tp) => linkFromTraceparent(tp)).filter((l): l is Link => l !== null);
  const tracer = trace.getTracer(TRACER_NAME);
  return tracer.startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, links },
    parentContext,
    async (span) => {
      try {
        return await fn(span);
      } catch (error) {
        recordError(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Marks a span failed with the error. */
export function recordError(span: Span, error: unknown): void {
  if (error instanceof Error) {
    span.recordException(error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.name });
  } else {
    span.setStatus({ code: SpanStatusCode.ERROR, message: typeof error });
  }
}
