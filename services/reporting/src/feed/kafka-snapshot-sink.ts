import { Kafka, Producer, logLevel } from 'kafkajs';
import { SnapshotSink } from './indicator-feed';

/**
 * The feed's Kafka producer: idempotent, all replicas acknowledge, key = `orgUnit/month` (so one unit's
 * months stay in order on one partition, and a compacted topic keeps the latest revision of each).
 */
export class KafkaSnapshotSink implements SnapshotSink {
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private connected: Promise<void> | null = null;

  constructor(
    brokers: string[],
    private readonly topic: string,
    private readonly partitions = 3,
  ) {
    this.kafka = new Kafka({ brokers, clientId: 'ishc-reporting-feed', logLevel: logLevel.NOTHING });
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  async send(messages: Array<{ key: string; value: string }>): Promise<void> {
    this.connected ??= this.connect().catch((error: Error) => {
      this.connected = null;
      throw error;
    });
    await this.connected;
    const headers = { schema: 'ishc.public.indicators.v1', 'content-type': 'application/json' };
    for (let i = 0; i < messages.length; i += 500) {
      await this.producer.send({ topic: this.topic, acks: -1, messages: messages.slice(i, i + 500).map((m) => ({ ...m, headers })) });
    }
  }

  /** The topic is compacted: a consumer starting late still finds the latest revision of every unit and month. */
  private async connect(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = await admin.listTopics();
      if (!existing.includes(this.topic)) {
        await admin.createTopics({
          topics: [{ topic: this.topic, numPartitions: this.partitions, configEntries: [{ name: 'cleanup.policy', value: 'compact' }] }],
          waitForLeaders: true,
        });
      }
    } finally {
      await admin.disconnect();
    }
    await this.producer.connect();
  }

  async close(): Promise<void> {
    if (this.connected) await this.producer.disconnect().catch(() => undefined);
  }
}
