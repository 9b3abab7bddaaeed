import { Kafka, KafkaJSDeleteGroupsError, logLevel } from 'kafkajs';

/** Kafka's answer for a group that does not exist (any more): nothing to delete. */
const GROUP_ID_NOT_FOUND = 69;

/**
 * The Kafka consumer groups of consumers that will never run again. A group id is the transport's
 * namespace followed by the consumer's name (as @ishc/messaging's Kafka consumer names them).
 */
export class KafkaConsumerGroups {
  constructor(
    private readonly brokers: string[],
    private readonly namespace: string,
  ) {}

  /**
   * Deletes the groups of `consumers` that exist. Kafka refuses to delete a group that still has members
   * (a consumer of it still running somewhere): those stay, and their consumers' names are answered.
   */
  async delete(consumers: string[]): Promise<string[]> {
    if (consumers.length === 0) return [];
    const admin = new Kafka({ brokers: this.brokers, clientId: 'ishc-reporting-rebuild', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const existing = new Set((await admin.listGroups()).groups.map((group) => group.groupId));
      const present = consumers.filter((consumer) => existing.has(this.groupOf(consumer)));
      if (present.length === 0) return [];
      try {
        await admin.deleteGroups(present.map((consumer) => this.groupOf(consumer)));
        return [];
      } catch (error) {
        if (!(error instanceof KafkaJSDeleteGroupsError)) throw error;
        const kept = new Set(error.groups.filter((group) => group.errorCode !== GROUP_ID_NOT_FOUND).map((group) => group.groupId));
        return present.filter((consumer) => kept.has(this.groupOf(consumer)));
      }
    } finally {
      await admin.disconnect();
    }
  }

  private groupOf(consumer: string): string {
    return `${this.namespace}${consumer}`;
  }
}
