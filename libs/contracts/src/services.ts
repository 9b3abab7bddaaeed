/** The bounded contexts; each owns a database and publishes its events to its own topic. */
export const SERVICE_NAMES = ['registry', 'activities', 'microfinance', 'reporting'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * Kafka topic carrying a service's events (key = stream id, so order per aggregate holds). A namespace
 * (KAFKA_NAMESPACE, e.g. `test-42.`) lets several deployments or test runs share one cluster.
 */
export function eventsTopic(service: ServiceName, namespace = ''): string {
  return `${namespace}ishc.${service}.events`;
}

export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}
