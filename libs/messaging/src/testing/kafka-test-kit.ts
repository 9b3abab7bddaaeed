// Kafka side of the contract suite. Topics are fixed per service and shared by every test run (and by
// other suites running at the same time), so: new consumer groups start at the topics' current end
// instead of their beginning, and probes read only what was added since a mark.
import { randomBytes } from 'node:crypto';
import { type Admin, Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import { eventsTopic } from '@ishc/contracts';
import { headerText } from '../kafka/event-message';
import { ensureTopics } from '../kafka/kafka-admin';
import type { EventTransport } from '../transport.port';
import type { BrokerProbe, ProbedMessage, TopicMark } from './transport-contract';
import { waitFor } from './wait-for';

const PARTITIONS = 3;

export class KafkaTestKit implements BrokerProbe {
  private readonly kafka: Kafka;
  private adminClient?: Promise<Admin>;
  private readonly positionedGroups = new Set<string>();

  constructor(brokers: string[]) {
    this.kafka = new Kafka({ brokers, clientId: 'messaging-contract-probe', logLevel: logLevel.NOTHING });
  }

  /**
   * The transport, except that a consumer group started for the first time reads from the topics' current
   * end (production groups read from the beginning; here that would be every earlier run's events).
   */
  startingNewGroupsAtTopicEnds(transport: EventTransport): EventTransport {
    return {
      kind: transport.kind,
      startConsumer: async (def) => {
        if (!this.positionedGroups.has(def.name)) {
          this.positionedGroups.add(def.name);
          await this.commitGroupAt(def.name, await Promise.all(def.sources.map((source) => this.mark(eventsTopic(source)))));
        }
        return transport.startConsumer(def);
      },
      startPublisher: (service, store) => transport.startPublisher(service, store),
      isReady: () => transport.isReady(),
      missingHistory: (sources) => transport.missingHistory(sources),
      close: () => transport.close(),
    };
  }

  async mark(topic: string): Promise<TopicMark> {
    const admin = await this.admin();
    await ensureTopics(admin, [topic], PARTITIONS);
    const ends = await admin.fetchTopicOffsets(topic);
    return { topic, offsets: ends.map((end) => ({ partition: end.partition, offset: end.high })) };
  }

  async messagesSince(mark: TopicMark, match: (message: ProbedMessage) => boolean, atLeast: number, timeoutMs: number): Promise<ProbedMessage[]> {
    const groupId = `contract-probe-${randomBytes(5).toString('hex')}`;
    const consumer = this.kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    const found: ProbedMessage[] = [];
    try {
      await consumer.connect();
      // fromBeginning as a safety net: should a seek below not apply before the first fetch, this probe
      // still reads every message instead of starting at the end (the match keeps only this test's).
      await consumer.subscribe({ topics: [mark.topic], fromBeginning: true });
      const running = consumer.run({
        eachMessage: async ({ message }) => {
          const probed = probedMessage(message);
          if (match(probed)) found.push(probed);
        },
      });
      // Seeks registered before the group is joined apply to the very first fetch.
      for (const { partition, offset } of mark.offsets) consumer.seek({ topic: mark.topic, partition, offset });
      await running;
      await waitFor(`${atLeast} matching messages on ${mark.topic}`, async () => found.length, (n) => n >= atLeast, timeoutMs);
      return [...found];
    } finally {
      await consumer.disconnect();
      await (await this.admin()).deleteGroups([groupId]).catch(() => undefined);
    }
  }

  async waitUntilConsumed(groupId: string, topic: string, timeoutMs: number): Promise<void> {
    const admin = await this.admin();
    const ends = await admin.fetchTopicOffsets(topic);
    await waitFor(
      `group ${groupId} to commit ${topic} up to ${JSON.stringify(ends.map((e) => e.high))}`,
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const byPartition = new Map((committed?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
        return ends.filter((end) => BigInt(end.high) > (byPartition.get(end.partition) ?? 0n)).map((end) => end.partition);
      },
      (behind) => behind.length === 0,
      timeoutMs,
    );
  }

  /**
   * Commits offsets for a group nobody has joined yet. What admin.setOffsets does, but without its 5 s
   * fetch wait: join with a paused subscription, seek (which commits), leave after the first fetch.
   */
  private async commitGroupAt(groupId: string, marks: TopicMark[]): Promise<void> {
    const topics = marks.map((mark) => mark.topic);
    const consumer = this.kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics });
      await new Promise<void>((resolve, reject) => {
        consumer.on(consumer.events.FETCH, () => resolve());
        consumer.run({ eachBatchAutoResolve: false, eachBatch: async () => undefined }).catch(reject);
        consumer.pause(topics.map((topic) => ({ topic })));
        for (const mark of marks) for (const { partition, offset } of mark.offsets) consumer.seek({ topic: mark.topic, partition, offset });
      });
    } finally {
      await consumer.disconnect();
    }
  }

  async close(): Promise<void> {
    const admin = await this.adminClient?.catch(() => undefined);
    await admin?.disconnect();
  }

  private admin(): Promise<Admin> {
    this.adminClient ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })();
    return this.adminClient;
  }
}

function probedMessage(message: KafkaMessage): ProbedMessage {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(message.headers ?? {})) {
    const text = headerText(message.headers, name);
    if (text !== undefined) headers[name] = text;
  }
  return { key: message.key?.toString('utf8') ?? null, headers };
}
