import type { RecordedEvent } from '@ishc/event-store';
import type { KafkaMessage } from 'kafkajs';
import { EVENT_HEADERS, fromKafkaMessage, MalformedMessageError, toKafkaMessage } from './event-message';

const recorded: RecordedEvent = {
  globalPosition: '42',
  transactionId: '9007199254740993',
  streamId: 'club-7',
  streamType: 'club',
  streamVersion: 3,
  eventId: '0b6f1e0e-7c55-4c8e-9a51-58d7d1f0b0a1',
  type: 'ClubEstablished',
  schemaVersion: 2,
  data: { name: 'Câu lạc bộ Liên thế hệ' },
  metadata: {
    eventId: '0b6f1e0e-7c55-4c8e-9a51-58d7d1f0b0a1',
    correlationId: 'c-1',
    causationId: null,
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    tracestate: 'ishc=1',
    actor: 'user-1',
    occurredAt: '2026-01-01T00:00:00.000Z',
    schemaVersion: 2,
  },
  recordedAt: '2026-01-01T00:00:01.000Z',
};

function received(message: { key?: string | null; value: string | null; headers?: Record<string, string> }): KafkaMessage {
  return {
    key: message.key ? Buffer.from(message.key) : null,
    value: message.value === null ? null : Buffer.from(message.value),
    headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, Buffer.from(v)])),
    timestamp: '0',
    attributes: 0,
    offset: '0',
  };
}

describe('event messages on Kafka', () => {
  it('are keyed by stream id and carry the envelope in headers', () => {
    const message = toKafkaMessage(recorded);
    expect(message.key).toBe('club-7');
    expect(message.headers).toEqual({
      [EVENT_HEADERS.eventId]: recorded.eventId,
      [EVENT_HEADERS.eventType]: 'ClubEstablished',
      [EVENT_HEADERS.schemaVersion]: '2',
      [EVENT_HEADERS.streamVersion]: '3',
      [EVENT_HEADERS.transactionId]: '9007199254740993',
      [EVENT_HEADERS.globalPosition]: '42',
      traceparent: recorded.metadata.traceparent,
      tracestate: 'ishc=1',
    });
  });

  it('come back as the recorded event, tagged with its source', () => {
    const sent = toKafkaMessage(recorded);
    const event = fromKafkaMessage('registry', received({ key: 'club-7', value: sent.value as string, headers: sent.headers as Record<string, string> }));
    expect(event).toEqual({ ...recorded, source: 'registry' });
  });

  it('take the trace context from the headers, where a relay span may have replaced it', () => {
    const relaySpan = '00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01';
    const event = fromKafkaMessage('registry', received({ value: JSON.stringify(recorded), headers: { traceparent: relaySpan } }));
    expect(event.metadata.traceparent).toBe(relaySpan);
    expect(event.metadata.correlationId).toBe('c-1');
  });

  it.each([
    ['no value', null],
    ['a value that is not JSON', '{nope'],
    ['an event without a stream id', JSON.stringify({ ...recorded, streamId: undefined })],
    ['an event with a fractional stream version', JSON.stringify({ ...recorded, streamVersion: 1.5 })],
  ])('are malformed when they have %s', (_what, value) => {
    expect(() => fromKafkaMessage('registry', received({ value }))).toThrow(MalformedMessageError);
  });
});
