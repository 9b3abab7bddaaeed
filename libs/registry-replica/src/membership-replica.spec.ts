import { MemberDiedV1, MemberJoinedClubV1, MembershipEndedV1, MembershipRolesChangedV1 } from '@ishc/contracts';
import { describeWith } from '@ishc/testing';
import { ReplicatedEvent } from './club-and-org-unit-replica';
import { MEMBERSHIP_REPLICA_TABLES, replicateMembershipEvent } from './membership-replica';
import { membershipReplicaTable } from './membership-replica.table';
import { givenReplicaDatabase } from './spec-support/given-replica-database';

const clubId = '00000000-0000-4000-8000-000000000001';
const otherClubId = '00000000-0000-4000-8000-000000000002';
const [m1, m2, m3] = ['10000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000003'];

const joined = (data: MemberJoinedClubV1): ReplicatedEvent => ({ type: 'MemberJoinedClub', data });
const rolesChanged = (data: MembershipRolesChangedV1): ReplicatedEvent => ({ type: 'MembershipRolesChanged', data });
const ended = (data: MembershipEndedV1): ReplicatedEvent => ({ type: 'MembershipEnded', data });
const died = (data: MemberDiedV1): ReplicatedEvent => ({ type: 'MemberDied', data });

/** What the shape of the tables was before roles were shared (microfinance's databases made until then). */
const TABLES_WITHOUT_ROLES = `
CREATE TABLE member_replica (member_id uuid PRIMARY KEY, died_on date);
CREATE TABLE membership_replica (member_id uuid NOT NULL, club_id uuid NOT NULL, joined_on date NOT NULL, left_on date, PRIMARY KEY (member_id, club_id, joined_on));
`;

describeWith(['postgres'], 'the memberships replica: memberships with dates, dated roles, death', () => {
  // A database from before the roles table, with a membership in it: the shared DDL adds what is missing
  // and keeps what is there, however many times it runs.
  const replica = givenReplicaDatabase(
    'membership_replica',
    async (pool) => {
      await pool.query(TABLES_WITHOUT_ROLES);
      await pool.query('INSERT INTO member_replica (member_id) VALUES ($1)', [m3]);
      await pool.query(`INSERT INTO membership_replica (member_id, club_id, joined_on) VALUES ($1, $2, '2020-01-01')`, [m3, otherClubId]);
      await pool.query(MEMBERSHIP_REPLICA_TABLES);
      await pool.query(MEMBERSHIP_REPLICA_TABLES);
    },
    replicateMembershipEvent,
  );

  const history: ReplicatedEvent[] = [
    { type: 'MemberRegistered', data: { memberId: m2 } },
    joined({ memberId: m1, clubId, joinedOn: '2021-06-01', roles: ['chair'] }),
    rolesChanged({ memberId: m1, clubId, roles: ['member'], effectiveOn: '2022-01-01' }),
    ended({ memberId: m1, clubId, leftOn: '2023-01-01', reason: 'moved' }),
    joined({ memberId: m1, clubId: otherClubId, joinedOn: '2023-01-01', roles: ['member'] }),
    joined({ memberId: m1, clubId, joinedOn: '2024-01-01', roles: ['member'] }),
    rolesChanged({ memberId: m1, clubId, roles: ['member', 'home_care_volunteer'], effectiveOn: '2024-06-01' }),
    // A second change on the same day replaces the first.
    rolesChanged({ memberId: m1, clubId, roles: ['home_care_volunteer'], effectiveOn: '2024-06-01' }),
    joined({ memberId: m2, clubId, joinedOn: '2021-07-01', roles: ['member'] }),
    ended({ memberId: m2, clubId, leftOn: '2025-02-03', reason: 'died' }),
    died({ memberId: m2, diedOn: '2025-02-03' }),
  ];

  const expectTheHistory = async () => {
    const members = await membershipReplicaTable.findMembers(replica.pool, [m1, m2, '10000000-0000-4000-8000-00000000000f']);
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
        {
          clubId,
          joinedOn: '2024-01-01',
          leftOn: null,
          roles: [
            { since: '2024-01-01', roles: ['member'] },
            { since: '2024-06-01', roles: ['home_care_volunteer'] },
          ],
        },
      ],
    });
    expect(await membershipReplicaTable.findMember(replica.pool, m2)).toEqual({
      memberId: m2,
      diedOn: '2025-02-03',
      memberships: [{ clubId, joinedOn: '2021-07-01', leftOn: '2025-02-03', roles: [{ since: '2021-07-01', roles: ['member'] }] }],
    });
  };

  it('given a database from before the roles table, then its memberships are kept (with no roles known) and an unseen id is absent', async () => {
    expect(await membershipReplicaTable.findMember(replica.pool, m3)).toEqual({ memberId: m3, diedOn: null, memberships: [{ clubId: otherClubId, joinedOn: '2020-01-01', leftOn: null, roles: [] }] });
    expect(await membershipReplicaTable.findMember(replica.pool, m1)).toBeNull();
    expect(await membershipReplicaTable.findMembers(replica.pool, [])).toEqual(new Map());
  });

  it('given a member’s history, then the replica has each membership with its dates, its roles over time, and the day of death', async () => {
    await replica.apply(history);
    await expectTheHistory();
  });

  it('when the history is delivered again, then it ends in the same state', async () => {
    await replica.apply(history);
    await expectTheHistory();
  });

  it('when a joining is redelivered on its own after a role change of its own day, then the change stays', async () => {
    await replica.apply([
      joined({ memberId: m3, clubId, joinedOn: '2024-03-01', roles: ['member'] }),
      rolesChanged({ memberId: m3, clubId, roles: ['chair'], effectiveOn: '2024-03-01' }),
      joined({ memberId: m3, clubId, joinedOn: '2024-03-01', roles: ['member'] }),
    ]);
    expect((await membershipReplicaTable.findMember(replica.pool, m3))?.memberships.find((s) => s.clubId === clubId)?.roles).toEqual([{ since: '2024-03-01', roles: ['chair'] }]);
  });

  it('leaves other events to the caller', async () => {
    expect(await replica.replicate({ type: 'ClubEstablished', data: {} })).toBe(false);
    expect(await replica.replicate({ type: 'MemberErased', data: { memberId: m1, erasedOn: '2026-01-01' } })).toBe(false);
  });
});
