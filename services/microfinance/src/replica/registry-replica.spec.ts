import { OrgUnitDefinedV1 } from '@ishc/contracts';
import { createTestDatabase, describeWith, TestDatabase } from '@ishc/testing';
import { ERASED_TEXT, loanDetailTable } from '../loans/loan-detail.table';
import { clubReplicaTable } from './club-replica.table';
import { membershipReplicaTable } from './membership-replica.table';
import { migrateMicrofinanceSchema } from './microfinance-schema';
import { MicrofinanceOrgUnitScope } from './org-unit-scope.resolver';
import { ReplicatedEvent, replicateRegistryEvents } from './registry-replica';

const unit = (code: string, level: OrgUnitDefinedV1['level'], parentCode: string | null, validTo: string | null = null): ReplicatedEvent => ({
  type: 'OrgUnitDefined',
  data: { code, name: code, level, parentCode, validFrom: '1992-05-01', validTo, attributes: {} } satisfies OrgUnitDefinedV1,
});
const clubId = '00000000-0000-4000-8000-000000000001';
const otherClubId = '00000000-0000-4000-8000-000000000002';
const [m1, m2, m3] = ['10000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000003'];
const loanId = '20000000-0000-4000-8000-000000000001';

describeWith(['postgres'], 'microfinance replica of registry events', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('mf_replica');
    await migrateMicrofinanceSchema(db.pool);
  });
  afterAll(() => db?.drop());

  const apply = async (events: ReplicatedEvent[]) => {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await replicateRegistryEvents(events, client);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };

  const history: ReplicatedEvent[] = [
    unit('VN', 'country', null),
    unit('P1', 'province', 'VN'),
    unit('P2', 'province', 'VN'),
    unit('D1', 'district', 'P1', '2025-06-30'),
    unit('K1', 'commune', 'D1'),
    { type: 'ClubEstablished', data: { clubId, name: 'CLB', communeCode: 'K1', hamletCode: null, establishedOn: '2021-06-01' } },
    // The reform of 2025-07-01: D1 ends, K1 moves directly under P2.
    { type: 'OrgUnitRetired', data: { code: 'D1', validTo: '2025-06-30', changeSetId: 'cs' } },
    { type: 'OrgUnitReparented', data: { code: 'K1', parentCode: 'P2', effectiveOn: '2025-07-01', changeSetId: 'cs' } },
    { type: 'ClubDissolved', data: { clubId, dissolvedOn: '2026-01-01' } },
    { type: 'MemberJoinedClub', data: { memberId: m1, clubId, joinedOn: '2021-06-01', roles: ['chair'] } },
    { type: 'MembershipRolesChanged', data: { memberId: m1, clubId, roles: ['member'], effectiveOn: '2022-01-01' } },
    { type: 'MembershipEnded', data: { memberId: m1, clubId, leftOn: '2023-01-01', reason: 'moved' } },
    { type: 'MemberJoinedClub', data: { memberId: m1, clubId: otherClubId, joinedOn: '2023-01-01', roles: ['member'] } },
    { type: 'MemberJoinedClub', data: { memberId: m1, clubId, joinedOn: '2024-01-01', roles: ['member'] } },
    { type: 'MemberJoinedClub', data: { memberId: m2, clubId, joinedOn: '2021-07-01', roles: ['member'] } },
    { type: 'MembershipEnded', data: { memberId: m2, clubId, leftOn: '2025-02-03', reason: 'died' } },
    { type: 'MemberDied', data: { memberId: m2, diedOn: '2025-02-03' } },
  ];

  const expectedMembers = async () => {
    const members = await membershipReplicaTable.findMembers(db.pool, [m1, m2, m3]);
    expect([...members.keys()].sort()).toEqual([m1, m2]);
    expect(members.get(m1)).toEqual({
      memberId: m1,
      diedOn: null,
      memberships: [
        {
          clubId,
          joinedOn: '2021-06-01',
          leftOn: '2023-01-01',
          roles: [
            { since: '2021-06-01', roles: ['chair'] },
            { since: '2022-01-01', roles: ['member'] },
          ],
        },
        { clubId: otherClubId, joinedOn: '2023-01-01', leftOn: null, roles: [{ since: '2023-01-01', roles: ['member'] }] },
        { clubId, joinedOn: '2024-01-01', leftOn: null, roles: [{ since: '2024-01-01', roles: ['member'] }] },
      ],
    });
    expect(await membershipReplicaTable.findMember(db.pool, m2)).toEqual({
      memberId: m2,
      diedOn: '2025-02-03',
      memberships: [{ clubId, joinedOn: '2021-07-01', leftOn: '2025-02-03', roles: [{ since: '2021-07-01', roles: ['member'] }] }],
    });
    expect(await membershipReplicaTable.findMember(db.pool, m3)).toBeNull();
  };

  it('keeps clubs with their lifetime and checks scope on the parents of the day', async () => {
    await apply(history);
    expect(await clubReplicaTable.find(db.pool, clubId)).toEqual({ clubId, communeCode: 'K1', establishedOn: '2021-06-01', dissolvedOn: '2026-01-01' });
    const scope = new MicrofinanceOrgUnitScope(db.pool);
    expect(await scope.isWithin('K1', ['D1'], '2025-06-30')).toBe(true);
    expect(await scope.isWithin('K1', ['P1'], '2025-06-30')).toBe(true);
    expect(await scope.isWithin('K1', ['P1'], '2025-07-01')).toBe(false);
    expect(await scope.isWithin('K1', ['D1'], '2025-07-01')).toBe(false);
    expect(await scope.isWithin('K1', ['P2'], '2025-07-01')).toBe(true);
    expect(await scope.isWithin('K1', ['VN'], '2025-07-01')).toBe(true);
    expect(await scope.isWithin('K1', ['K1'], '2025-07-01')).toBe(true);
  });

  it('keeps each member’s memberships with their dates, their roles over time and the day of death (no personal data); an unseen id is absent', async () => {
    await expectedMembers();
  });

  it('blanks the purpose and write-off reason of an erased member’s loans', async () => {
    await loanDetailTable.insert(db.pool, { loanId, clubId, memberId: m1, appliedOn: '2024-02-01', purpose: 'nuôi heo cho bà Năm' });
    await loanDetailTable.recordWriteOffReason(db.pool, loanId, 'bà Năm chuyển đi');
    await apply([{ type: 'MemberErased', data: { memberId: m1, erasedOn: '2025-03-01' } }]);
    expect(await loanDetailTable.find(db.pool, loanId)).toMatchObject({ purpose: ERASED_TEXT, writeOffReason: ERASED_TEXT });
  });

  it('ends in the same state when the history is delivered again', async () => {
    await apply(history);
    await expectedMembers();
    const scope = new MicrofinanceOrgUnitScope(db.pool);
    expect(await scope.isWithin('K1', ['P1'], '2025-06-30')).toBe(true);
    expect(await scope.isWithin('K1', ['P2'], '2025-07-01')).toBe(true);
    expect((await clubReplicaTable.find(db.pool, clubId))?.dissolvedOn).toBe('2026-01-01');
  });
});
