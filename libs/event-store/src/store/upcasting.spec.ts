import { describeWith, TestDatabase } from '../spec-support/test-fixtures';
import { createEventStoreDatabase } from '../spec-support/event-store-database';
import { untilVisible } from '../spec-support/until-visible';
import { EventMetadata, START, Upcaster } from '../types';
import { PostgresEventStore } from './postgres-event-store';
import { UpcasterChain } from './upcaster-chain';

// MemberRegistered v1 had `name`; v2 split it; v3 added a default `phone`.
const v1ToV2: Upcaster = {
  type: 'MemberRegistered',
  fromVersion: 1,
  upcast: (data) => {
    const [given, ...family] = (data as { name: string }).name.split(' ');
    return { givenName: given, familyName: family.join(' ') };
  },
};
const v2ToV3: Upcaster = {
  type: 'MemberRegistered',
  fromVersion: 2,
  upcast: (data, metadata) => ({ ...(data as object), phone: null, upcastFrom: metadata.schemaVersion }),
};

describe('UpcasterChain', () => {
  const metadata = { eventId: 'e', schemaVersion: 1 } as EventMetadata;

  it('applies steps in order until none is registered, whatever order they were given in', () => {
    expect(new UpcasterChain([v2ToV3, v1ToV2]).upcast('MemberRegistered', 1, { name: 'Nguyen Van A' }, metadata)).toEqual({
      schemaVersion: 3,
      data: { givenName: 'Nguyen', familyName: 'Van A', phone: null, upcastFrom: 2 },
    });
  });

  it('leaves other types and current versions alone', () => {
    const chain = new UpcasterChain([v1ToV2, v2ToV3]);
    expect(chain.upcast('Other', 1, { x: 1 }, metadata)).toEqual({ schemaVersion: 1, data: { x: 1 } });
    expect(chain.upcast('MemberRegistered', 3, { x: 1 }, metadata)).toEqual({ schemaVersion: 3, data: { x: 1 } });
  });

  it('refuses two upcasters for the same step', () => {
    expect(() => new UpcasterChain([v1ToV2, { ...v1ToV2 }])).toThrow(/two upcasters/);
  });
});

describeWith(['postgres'], 'upcasting on read', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createEventStoreDatabase('es_upcast');
    // Written by an older release that knew nothing of upcasters.
    const old = new PostgresEventStore(db.pool);
    await old.append('member-1', 'Member', [{ type: 'MemberRegistered', data: { name: 'Tran Thi B' }, schemaVersion: 1 }], { expectedVersion: 'no_stream' });
    const last = await old.append('member-1', 'Member', [{ type: 'MemberRegistered', data: { givenName: 'C', familyName: 'D' }, schemaVersion: 2 }], {
      expectedVersion: 1,
    });
    await untilVisible(old, last.lastPosition);
  });
  afterAll(() => db.drop());

  it('turns stored old versions into the current one in readStream and readAll, without rewriting them', async () => {
    const store = new PostgresEventStore(db.pool, { upcasters: [v1ToV2, v2ToV3] });
    const expected = [
      { schemaVersion: 3, data: { givenName: 'Tran', familyName: 'Thi B', phone: null, upcastFrom: 2 } },
      { schemaVersion: 3, data: { givenName: 'C', familyName: 'D', phone: null, upcastFrom: 2 } },
    ];
    const fromStream = (await store.readStream('member-1')).events;
    const fromAll = await store.readAll({ after: START, limit: 10 });
    for (const events of [fromStream, fromAll]) {
      expect(events.map((e) => ({ schemaVersion: e.schemaVersion, data: e.data }))).toEqual(expected);
      expect(events.map((e) => e.metadata.schemaVersion)).toEqual([3, 3]);
    }
    const { rows } = await db.pool.query<{ schema_version: number }>('SELECT schema_version FROM events ORDER BY global_position');
    expect(rows.map((r) => r.schema_version)).toEqual([1, 2]);
  });
});
