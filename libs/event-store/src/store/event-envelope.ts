import { randomUUID } from 'node:crypto';
import { EventMetadata, NewEvent } from '../types';

/** A new event with its metadata completed, as the append function stores it. */
export interface EventEnvelope {
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
}

/**
 * Fills what the caller left out. A correlation id defaults to the event's own id: an event nobody caused
 * starts its own conversation, and everything it causes can then carry that id on.
 */
export function toEnvelope(event: NewEvent, now: Date = new Date()): EventEnvelope {
  const given = event.metadata ?? {};
  const eventId = event.eventId ?? given.eventId ?? randomUUID();
  const schemaVersion = event.schemaVersion ?? given.schemaVersion ?? 1;
  const metadata: EventMetadata = {
    ...given,
    eventId,
    correlationId: given.correlationId ?? eventId,
    causationId: given.causationId ?? null,
    traceparent: given.traceparent ?? null,
    actor: given.actor ?? null,
    occurredAt: given.occurredAt ?? now.toISOString(),
    schemaVersion,
  };
  // JSON has no undefined: store an explicit null rather than dropping the key and violating NOT NULL.
  return { event_id: eventId, type: event.type, schema_version: schemaVersion, data: event.data ?? null, metadata };
}
