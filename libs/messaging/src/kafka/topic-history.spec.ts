import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { describeWith } from '@ishc/testing';
import { lostHistory } from './topic-history';

describeWith(['kafka'], 'lostHistory', () => {
  const kafka = new Kafka({ brokers: (process.env.KAFKA_BROKERS ?? '').split(','), clientId: 'topic-history-spec', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  const producer = kafka.producer();
  const topic = `test-${randomUUID().slice(0, 8)}.ishc.registry.events`;
  beforeAll(async () => {
    await Promise.all([admin.connect(), producer.connect()]);
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  });
  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  });

  it('names the partitions whose first messages are gone, and nothing while every message is there', async () => {
    await producer.send({ topic, messages: [0, 1, 2].map((i) => ({ partition: 0, value: `m${i}` })) });
    expect(await lostHistory(admin, [topic, 'no-such-topic'])).toEqual([]);
    // What retention does to old messages, done at once.
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '2' }] });
    expect(await lostHistory(admin, [topic])).toEqual([`${topic}[0] starts at offset 2`]);
  });
});
