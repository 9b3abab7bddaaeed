import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { describeWith } from '@ishc/testing';
import { ensureTopics } from './kafka-admin';

describeWith(['kafka'], 'ensureTopics', () => {
  const kafka = new Kafka({ brokers: (process.env.KAFKA_BROKERS ?? '').split(','), clientId: 'kafka-admin-spec', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const topic = `test-${randomUUID().slice(0, 8)}.ishc.registry.events`;
  beforeAll(() => admin.connect());
  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('creates missing topics with their partitions, keeping every message (a new group can read all history)', async () => {
    await ensureTopics(admin, [topic, topic], 3);
    await ensureTopics(admin, [topic], 3); // again: nothing to do
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    expect(metadata.partitions).toHaveLength(3);
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms', 'retention.bytes'] }],
    });
    const configs = Object.fromEntries(resources[0].configEntries.map((c) => [c.configName, c.configValue]));
    expect(configs).toEqual({ 'retention.ms': '-1', 'retention.bytes': '-1' });
  });
});
