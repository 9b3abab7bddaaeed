import { Context } from '@opentelemetry/api';
import { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

export const REDACTED = '[redacted]';

/** URL attributes (old and stable HTTP semconv) that may carry a query string. */
const URL_ATTRIBUTES = ['http.url', 'url.full', 'http.target'] as const;

/**
 * Query strings may carry personal data (a search by name, a national id), so no exporter ever sees
 * one: the HTTP instrumentation's URL attributes lose their query, and `url.query` is masked. Runs at
 * span start, before any exporter, whatever OTEL_SEMCONV_STABILITY_OPT_IN selects.
 */
export class QueryRedactingSpanProcessor implements SpanProcessor {
  onStart(span: Span, _parentContext: Context): void {
    for (const key of URL_ATTRIBUTES) {
      const value = span.attributes[key];
      if (typeof value === 'string' && value.includes('?')) span.setAttribute(key, withoutQuery(value));
    }
    if (span.attributes['url.query'] !== undefined) span.setAttribute('url.query', REDACTED);
  }

  onEnd(_span: ReadableSpan): void {
    // Nothing to do: redaction happened at start.
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}

export function withoutQuery(url: string): string {
  const cut = url.search(/[?#]/);
  return cut === -1 ? url : url.slice(0, cut);
}
