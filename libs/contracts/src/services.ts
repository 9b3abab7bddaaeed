/** The bounded contexts; each owns a database and publishes its events to its own topic. */
export const SERVICE_NAMES = ['registry', 'activities', 'microfinance', 'reporting'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Kafka topic carrying a service's events (key = stream id, so order per aggregate holds). */
export function eventsTopic(service: ServiceName): string {
  return `ishc.${service}.events`;
}

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
