import { OrgUnitDefinedV1 } from '@ishc/contracts';
import { TestDatabase, createTestDatabase, describeWith } from '@ishc/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PoolClient } from 'pg';
import { ProjectedEvent, projectRegistryEvents } from '../projections/registry.projection';
import { bumpProjectionVersion } from '../projections/projection-version';
import { migrateReportingSchema } from '../projections/reporting-schema';
import { INDICATOR_SNAPSHOT_SCHEMA_V1, IndicatorSnapshotV1, feedMonths, snapshotDay } from './domain/indicator-snapshot';
import { migrateFeedTable } from './feed.table';
import { IndicatorFeed, SnapshotSink } from './indicator-feed';
import { KafkaSnapshotSink } from './kafka-snapshot-sink';

describe('the feed’s published schema', () => {
  it('is the one docs/integration.md gives', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/integration.md'), 'utf8');
    const block = /```json schema\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(JSON.parse(block as string)).toEqual(INDICATOR_SNAPSHOT_SCHEMA_V1);
  });
});

describe('feed months', () => {
  it('runs from the first month to today’s, each standing for its last day (today while it runs)', () => {
    expect(feedMonths('2024-11', '2025-02-10')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect([snapshotDay('2024-02', '2025-02-10'), snapshotDay('2025-02', '2025-02-10'), snapshotDay('2024-12', '2024-12-31')]).toEqual([
      '2024-02-29',
      '2025-02-10',
      '2024-12-31',
    ]);
  });
});

const unit = (code: string, level: OrgUnitDefinedV1['level'], parentCode: string | null): ProjectedEvent => ({
  type: 'OrgUnitDefined',
  data: { code, name: `Đơn vị ${code}`, level, parentCode, validFrom: '1992-05-01', validTo: null, attributes: {} } satisfies OrgUnitDefinedV1,
});
const club = (communeCode: string, establishedOn: string): ProjectedEvent => ({
  type: 'ClubEstablished',
  data: { clubId: randomUUID(), name: 'CLB', communeCode, hamletCode: null, establishedOn },
});

/** Collects what the feed sends, as a consumer would read it. */
class RecordingSink implements SnapshotSink {
  readonly sent: IndicatorSnapshotV1[] = [];
  async send(messages: Array<{ key: string; value: string }>): Promise<void> {
    for (const m of messages) {
      const snapshot = JSON.parse(m.value) as IndicatorSnapshotV1;
      expect(m.key).toBe(`${snapshot.orgUnit}/${snapshot.month}`);
      this.sent.push(snapshot);
    }
  }
}

const clubsActive = (s: IndicatorSnapshotV1) => s.indicators.find((i) => i.code === 'clubs_active')?.value;

describeWith(['postgres'], 'the public indicator feed: a snapshot per org unit and month whenever its figures change', () => {
  let db: TestDatabase;
  const apply = async (events: ProjectedEvent[]) => {
    const client: PoolClient = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await projectRegistryEvents(events, client);
      await bumpProjectionVersion(client, 'registry');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  beforeAll(async () => {
    db = await createTestDatabase('reporting_feed');
    await migrateReportingSchema(db.pool);
    await migrateFeedTable(db.pool);
  });
  afterAll(() => db?.drop());

  it('publishes every unit and month once, nothing when nothing changed, and then only the units and months whose figures changed', async () => {
    await apply([unit('VN', 'country', null), unit('D1', 'district', 'VN'), unit('C1', 'commune', 'D1'), unit('C2', 'commune', 'D1'), club('C1', '2024-01-15')]);
    const sink = new RecordingSink();
    const feed = new IndicatorFeed(db.pool, sink, { fromMonth: '2024-01' });

    // 4 units × 3 months.
    expect(await feed.publishChanged('2024-03-10')).toBe(12);
    expect(sink.sent.map((s) => `${s.orgUnit}/${s.month}@${s.asOf}#${s.revision}`)).toContain('C1/2024-03@2024-03-10#1');
    const d1Jan = sink.sent.find((s) => s.orgUnit === 'D1' && s.month === '2024-01') as IndicatorSnapshotV1;
    expect(d1Jan).toMatchObject({ schema: 'ishc.public.indicators.v1', orgUnitName: 'Đơn vị D1', level: 'district', asOf: '2024-01-31', scope: ['C1', 'C2'] });
    expect(clubsActive(d1Jan)).toBe(1);

    // Nothing moved: nothing to publish (and no recomputation either).
    expect(await feed.publishChanged('2024-03-10')).toBe(0);
    // A new feed instance (a restart) compares with what was recorded: still nothing.
    expect(await new IndicatorFeed(db.pool, sink, { fromMonth: '2024-01' }).publishChanged('2024-03-10')).toBe(0);

    // A club in C2 from 2024-02-20: February and March of C2, D1 and VN change, January does not.
    sink.sent.length = 0;
    await apply([club('C2', '2024-02-20')]);
    expect(await feed.publishChanged('2024-03-10')).toBe(6);
    expect(sink.sent.map((s) => `${s.orgUnit}/${s.month}#${s.revision}`).sort()).toEqual(
      ['C2/2024-02#2', 'C2/2024-03#2', 'D1/2024-02#2', 'D1/2024-03#2', 'VN/2024-02#2', 'VN/2024-03#2'].sort(),
    );
    expect(clubsActive(sink.sent.find((s) => s.orgUnit === 'VN' && s.month === '2024-03') as IndicatorSnapshotV1)).toBe(2);
  });
});

describeWith(['postgres', 'kafka'], 'the public indicator feed on Kafka', () => {
  let db: TestDatabase;
  const topic = `test-${randomUUID().slice(0, 8)}.ishc.public.indicators.v1`;
  const kafka = new Kafka({ brokers: (process.env.KAFKA_BROKERS as string).split(','), clientId: 'feed-test', logLevel: logLevel.NOTHING });
  let sink: KafkaSnapshotSink;
  beforeAll(async () => {
    db = await createTestDatabase('reporting_feed_kafka');
    await migrateReportingSchema(db.pool);
    await migrateFeedTable(db.pool);
    sink = new KafkaSnapshotSink((process.env.KAFKA_BROKERS as string).split(','), topic);
  });
  afterAll(async () => {
    await sink?.close();
    await db?.drop();
  });

  it('publishes snapshots keyed orgUnit/month that a consumer reads back as the schema describes', async () => {
    const client = await db.pool.connect();
    await client.query('BEGIN');
    await projectRegistryEvents([unit('VN', 'country', null), unit('C9', 'commune', 'VN'), club('C9', '2024-05-01')], client);
    await bumpProjectionVersion(client, 'registry');
    await client.query('COMMIT');
    client.release();
    expect(await new IndicatorFeed(db.pool, sink, { fromMonth: '2024-05' }).publishChanged('2024-05-31')).toBe(2);

    const consumer = kafka.consumer({ groupId: `feed-test-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: Array<{ key: string; value: IndicatorSnapshotV1; schema: string }> = [];
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({ key: String(message.key), value: JSON.parse(String(message.value)), schema: String(message.headers?.schema) });
      },
    });
    for (let i = 0; i < 100 && received.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 200));
    await consumer.disconnect();
    expect(received.map((r) => r.key).sort()).toEqual(['C9/2024-05', 'VN/2024-05']);
    expect(received.every((r) => r.schema === 'ishc.public.indicators.v1' && r.value.revision === 1 && r.value.asOf === '2024-05-31')).toBe(true);
    expect(clubsActive(received.find((r) => r.key === 'C9/2024-05')?.value as IndicatorSnapshotV1)).toBe(1);
  }, 60000);
});
