import { EventMetadata } from '@ishc/event-store';
import { currentTraceContext } from '@ishc/observability';
import { Actor } from '../auth/actor';

/**
 * The metadata a command's events carry (DESIGN §4): who (the token's subject, never a name) and the
 * trace context, so relay, consumers and projections continue the caller's trace.
 */
export function commandMetadata(actor: Actor | null): Partial<EventMetadata> {
  const trace = currentTraceContext();
  return { actor: actor?.sub ?? null, traceparent: trace.traceparent, tracestate: trace.tracestate };
}
