// The relay's one side effect: publish a batch of recorded events to the service's topic and wait until
// every in-sync replica has them (acks = -1). Only then may the relay's checkpoint move past them.
import type { RecordedEvent } from '@ishc/event-store';
import type { Producer } from 'kafkajs';
import { eventHeaders, toKafkaMessage } from '../kafka/event-message';
import type { TransportTracing } from '../transport.port';

export async function publishEvents(producer: Producer, topic: string, events: RecordedEvent[], tracing?: TransportTracing): Promise<void> {
  if (events.length === 0) return;
  const messages = events.map((event) => {
    const headers = eventHeaders(event);
    tracing?.onPublish?.(event, headers, topic);
    return toKafkaMessage(event, headers);
  });
  const send = () => producer.send({ topic, messages, acks: -1 });
  await (tracing?.aroundPublish ? tracing.aroundPublish(topic, events, send) : send());
}
