import { describeWith } from '../testing/test-fixtures';
import { KafkaTestKit } from '../testing/kafka-test-kit';
import { quietLogger } from '../testing/quiet-logger';
import { transportContract } from '../testing/transport-contract';
import { createKafkaTransport } from './kafka-transport';

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);

describeWith(['postgres', 'kafka'], 'Kafka transport', () => {
  const kit = new KafkaTestKit(brokers);
  afterAll(() => kit.close());

  transportContract({
    kind: 'kafka',
    spreadsStreamsOverPartitions: true,
    broker: kit,
    createTransport: ({ tracing }) =>
      kit.startingNewGroupsAtTopicEnds(
        createKafkaTransport({
          brokers,
          clientId: 'messaging-contract',
          tracing,
          logger: quietLogger(),
          retry: { maxAttempts: 3, initialBackoffMs: 50 },
          // A crashed consumer leaves its group after the session timeout (6 s is the broker's minimum),
          // a crashed relay its lease after leaseMs: keep both short so crash tests stay quick.
          consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 10_000 },
          relay: { leaseMs: 2_000 },
        }),
      ),
  });
});

describeWith(['kafka'], 'Kafka transport: missingHistory', () => {
  it('names nothing for topics that hold every message (or do not exist yet)', async () => {
    const transport = createKafkaTransport({ brokers, clientId: 'missing-history', logger: quietLogger(), namespace: `test-${Date.now().toString(36)}.` });
    try {
      expect(await transport.missingHistory(['registry', 'microfinance', 'activities'])).toEqual([]);
    } finally {
      await transport.close();
    }
  });
});
