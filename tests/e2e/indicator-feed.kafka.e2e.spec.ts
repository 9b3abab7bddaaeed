import { Consumer, Kafka, logLevel } from 'kafkajs';
import { describeWith } from '@ishc/testing';
import { apiClient } from './support/api-client';
import { defineOrgUnits } from './support/org-units';
import { waitFor } from './support/platform-process';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

interface Snapshot {
  schema: string;
  orgUnit: string;
  month: string;
  asOf: string;
  revision: number;
  scope: string[];
  indicators: Array<{ code: string; value: number | null; numerator: number; denominator: number | null }>;
}

/**
 * ISSUE 6's integration feed, end to end in stack mode: registry and reporting on Kafka with
 * REPORTING_FEED=true. A provincial system subscribed to `ishc.public.indicators.v1` receives a snapshot
 * per org unit and month, keyed `<orgUnit>/<month>`, and a new revision when a club written over HTTP
 * changes a unit's figures — and none for units whose figures did not change.
 */
describeWith(['postgres', 'kafka'], 'the public indicator feed, end to end on Kafka', () => {
  let platform: PlatformUnderTest;
  let consumer: Consumer;
  const received: Array<{ key: string; snapshot: Snapshot }> = [];
  const thisMonth = new Date().toISOString().slice(0, 7);

  beforeAll(async () => {
    platform = await startPlatform({ services: ['registry', 'reporting'], transport: 'kafka', extraEnv: { REPORTING_FEED: 'true', REPORTING_FEED_FROM: thisMonth } });
    const kafka = new Kafka({ brokers: (process.env.KAFKA_BROKERS as string).split(','), clientId: 'feed-e2e', logLevel: logLevel.NOTHING });
    consumer = kafka.consumer({ groupId: `${platform.env.KAFKA_NAMESPACE}provincial-system` });
    await consumer.connect();
    const topic = `${platform.env.KAFKA_NAMESPACE}ishc.public.indicators.v1`;
    const admin = kafka.admin();
    await admin.connect();
    if (!(await admin.listTopics()).includes(topic)) await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({ key: String(message.key), snapshot: JSON.parse(String(message.value)) as Snapshot });
      },
    });
  }, 120_000);
  afterAll(async () => {
    await consumer?.disconnect();
    await platform?.close();
  });

  const latest = (key: string) => [...received].reverse().find((r) => r.key === key)?.snapshot;
  const clubsActive = (snapshot: Snapshot | undefined) => snapshot?.indicators.find((i) => i.code === 'clubs_active')?.value;

  it('publishes every unit for the month, then a new revision only where a new club changed the figures', async () => {
    const api = apiClient(platform.gateway.url, await platform.token());
    await defineOrgUnits(api, [
      ['VN', { name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02' }],
      ['86', { name: 'Tỉnh Vĩnh Long', level: 'province', parentCode: 'VN', validFrom: '2025-07-01' }],
      ['V86-A', { name: 'Xã Tập Sơn', level: 'commune', parentCode: '86', validFrom: '2025-07-01' }],
      ['V86-B', { name: 'Xã Trà Cú', level: 'commune', parentCode: '86', validFrom: '2025-07-01' }],
    ]);
    const month = `${thisMonth}`;
    // Settled: the province and the country cover both communes (a pass may have run between the PUTs).
    await waitFor(
      async () => ['86', 'VN'].every((unit) => latest(`${unit}/${month}`)?.scope.join() === 'V86-A,V86-B') && latest(`V86-B/${month}`) !== undefined,
      90_000,
      'a snapshot of every unit',
    );
    expect(latest(`V86-A/${month}`)).toMatchObject({ schema: 'ishc.public.indicators.v1', orgUnit: 'V86-A', month, revision: 1 });
    expect(clubsActive(latest(`86/${month}`))).toBe(0);
    const before = received.length;

    const club = await api.post<{ id: string }>('/api/registry/clubs', { name: 'CLB Liên thế hệ ấp Chợ', communeCode: 'V86-A', establishedOn: `${month}-01` });
    expect(club.status).toBe(201);
    await waitFor(async () => clubsActive(latest(`86/${month}`)) === 1, 90_000, 'the province snapshot to count the new club');
    expect(latest(`V86-A/${month}`)).toMatchObject({ revision: 2, scope: ['V86-A'] });
    expect(clubsActive(latest(`V86-A/${month}`))).toBe(1);
    expect(clubsActive(latest(`VN/${month}`))).toBe(1);
    // The other commune's figures did not change: no new snapshot of it.
    const after = received.slice(before);
    expect([...new Set(after.map((r) => r.key))].sort()).toEqual([`86/${month}`, `V86-A/${month}`, `VN/${month}`]);
  }, 240_000);
});
