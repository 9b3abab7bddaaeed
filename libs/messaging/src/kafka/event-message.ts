// How an event travels on Kafka. The value is the whole recorded event (data + envelope) as JSON, so a
// consumer sees exactly what a direct subscriber would; the headers repeat what brokers, tools and tracing
// need without parsing the value. Key = stream id: Kafka keeps order per key, i.e. per aggregate.
import type { EventMetadata, RecordedEvent } from '@ishc/event-store';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import type { IncomingEvent, ServiceName } from '../transport.port';

export const EVENT_HEADERS = {
  eventId: 'ishc-event-id',
  eventType: 'ishc-event-type',
  schemaVersion: 'ishc-schema-version',
  streamVersion: 'ishc-stream-version',
  transactionId: 'ishc-transaction-id',
  globalPosition: 'ishc-global-position',
  // W3C trace context, under the header names OpenTelemetry's Kafka propagation uses.
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;

export function eventHeaders(event: RecordedEvent): Record<string, string> {
  const headers: Record<string, string> = {
    [EVENT_HEADERS.eventId]: event.eventId,
    [EVENT_HEADERS.eventType]: event.type,
    [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
    [EVENT_HEADERS.streamVersion]: String(event.streamVersion),
    [EVENT_HEADERS.transactionId]: event.transactionId,
    [EVENT_HEADERS.globalPosition]: event.globalPosition,
  };
  if (event.metadata.traceparent) headers[EVENT_HEADERS.traceparent] = event.metadata.traceparent;
  if (event.metadata.tracestate) headers[EVENT_HEADERS.tracestate] = event.metadata.tracestate;
  return headers;
}

export function toKafkaMessage(event: RecordedEvent, headers: Record<string, string> = eventHeaders(event)): Message {
  return { key: event.streamId, value: JSON.stringify(event), headers };
}

/** A message this library cannot read: retrying will not help, so it goes straight to the dead-letter topic. */
export class MalformedMessageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedMessageError';
  }
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
}

export function fromKafkaMessage(source: ServiceName, message: KafkaMessage): IncomingEvent {
  if (!message.value) throw new MalformedMessageError('message has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    throw new MalformedMessageError(`value is not JSON: ${(error as Error).message}`);
  }
  const event = asRecordedEvent(parsed);
  // The headers win over the stored metadata: the relay (or a span around it) may have put the
  // context of its own span there, which is the right parent for the consumer's work.
  const traceparent = headerText(message.headers, EVENT_HEADERS.traceparent) ?? event.metadata.traceparent;
  const tracestate = headerText(message.headers, EVENT_HEADERS.tracestate) ?? event.metadata.tracestate;
  const metadata: EventMetadata = { ...event.metadata, traceparent: traceparent ?? null };
  if (tracestate !== undefined) metadata.tracestate = tracestate;
  return { ...event, metadata, source };
}

function asRecordedEvent(value: unknown): RecordedEvent {
  if (typeof value !== 'object' || value === null) throw new MalformedMessageError('value is not an object');
  const v = value as Record<string, unknown>;
  const strings = ['globalPosition', 'transactionId', 'streamId', 'streamType', 'eventId', 'type'] as const;
  for (const field of strings) {
    if (typeof v[field] !== 'string') throw new MalformedMessageError(`${field} is missing or not a string`);
  }
  if (!Number.isInteger(v.streamVersion)) throw new MalformedMessageError('streamVersion is not an integer');
  if (!Number.isInteger(v.schemaVersion)) throw new MalformedMessageError('schemaVersion is not an integer');
  if (typeof v.metadata !== 'object' || v.metadata === null) throw new MalformedMessageError('metadata is not an object');
  if (!('data' in v)) throw new MalformedMessageError('data is missing');
  return value as RecordedEvent;
}
