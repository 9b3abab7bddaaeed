// A poison message is parked on `<topic>.dlq` with why it failed, so its partition can move on. The copy
// keeps the original key, value and headers: an operator can fix the cause and replay it as is.
import { deadLetterTopic } from '@ishc/contracts';
import type { KafkaMessage, Producer } from 'kafkajs';
import { errorCode } from '../logger';

export const DEAD_LETTER_HEADERS = {
  errorMessage: 'ishc-dlq-error-message',
  errorType: 'ishc-dlq-error-type',
  errorCode: 'ishc-dlq-error-code',
  consumer: 'ishc-dlq-consumer',
  topic: 'ishc-dlq-topic',
  partition: 'ishc-dlq-partition',
  offset: 'ishc-dlq-offset',
  failedAt: 'ishc-dlq-failed-at',
} as const;

const MAX_ERROR_MESSAGE_LENGTH = 2_000;

export interface DeadLetter {
  consumer: string;
  topic: string;
  partition: number;
  message: KafkaMessage;
  error: unknown;
}

export async function sendToDeadLetterTopic(producer: Producer, letter: DeadLetter): Promise<void> {
  const { error, message } = letter;
  const headers: Record<string, string | Buffer> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) headers[name] = first;
  }
  headers[DEAD_LETTER_HEADERS.errorMessage] = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_MESSAGE_LENGTH);
  headers[DEAD_LETTER_HEADERS.errorType] = error instanceof Error ? error.name : typeof error;
  const code = errorCode(error);
  if (code) headers[DEAD_LETTER_HEADERS.errorCode] = code;
  headers[DEAD_LETTER_HEADERS.consumer] = letter.consumer;
  headers[DEAD_LETTER_HEADERS.topic] = letter.topic;
  headers[DEAD_LETTER_HEADERS.partition] = String(letter.partition);
  headers[DEAD_LETTER_HEADERS.offset] = message.offset;
  headers[DEAD_LETTER_HEADERS.failedAt] = new Date().toISOString();
  await producer.send({
    topic: deadLetterTopic(letter.topic),
    acks: -1,
    messages: [{ key: message.key, value: message.value, headers }],
  });
}
