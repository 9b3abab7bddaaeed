import type { Admin } from 'kafkajs';
import { CommittedOffsets } from './committed-offsets';

const NO_BROKER = async (): Promise<Admin> => {
  throw new Error('this case must not ask the broker');
};

describe('CommittedOffsets', () => {
  const topic = 'ishc.registry.events';

  it('reaches ends only once every partition named has been committed up to its end', () => {
    const offsets = new CommittedOffsets({ admin: NO_BROKER, groupId: 'g', topics: [topic] });
    const ends = new Map([
      [0, 10n],
      [2, 4n],
    ]);
    expect(offsets.reach(topic, ends)).toBe(false);
    offsets.record(topic, 0, 10n);
    expect(offsets.reach(topic, ends)).toBe(false);
    offsets.record(topic, 2, 3n);
    expect(offsets.reach(topic, ends)).toBe(false);
    offsets.record(topic, 2, 4n);
    expect(offsets.reach(topic, ends)).toBe(true);
  });

  it('keeps the highest offset recorded: a committed offset stays true even when a lower one is told later', () => {
    const offsets = new CommittedOffsets({ admin: NO_BROKER, groupId: 'g', topics: [topic] });
    offsets.record(topic, 1, 7n);
    offsets.record(topic, 1, 5n);
    expect(offsets.reach(topic, new Map([[1, 7n]]))).toBe(true);
  });

  it('keeps topics apart and treats no ends (an empty topic) as reached', () => {
    const offsets = new CommittedOffsets({ admin: NO_BROKER, groupId: 'g', topics: [topic, 'ishc.activities.events'] });
    offsets.record('ishc.activities.events', 0, 9n);
    expect(offsets.reach(topic, new Map([[0, 1n]]))).toBe(false);
    expect(offsets.reach(topic, new Map())).toBe(true);
  });
});
