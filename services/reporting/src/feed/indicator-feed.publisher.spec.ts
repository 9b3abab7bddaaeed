import { ServiceConfig } from '@ishc/platform';
import { feedEnabled } from './indicator-feed.publisher';

const withKafka = { kafka: { brokers: ['127.0.0.1:9092'], topicPartitions: 3, namespace: '' } } as ServiceConfig;
const embedded = { kafka: null } as ServiceConfig;

describe('REPORTING_FEED', () => {
  it('is off unless set to true', () => {
    expect(feedEnabled({}, withKafka)).toBe(false);
    expect(feedEnabled({ REPORTING_FEED: 'false' }, withKafka)).toBe(false);
    expect(feedEnabled({ REPORTING_FEED: 'true' }, withKafka)).toBe(true);
  });

  it('stops the start when set to anything else, or to true without Kafka', () => {
    expect(() => feedEnabled({ REPORTING_FEED: 'yes please' }, withKafka)).toThrow('REPORTING_FEED');
    expect(() => feedEnabled({ REPORTING_FEED: 'true' }, embedded)).toThrow('needs Kafka');
  });
});
