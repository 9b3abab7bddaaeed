import { describeWith } from '@ishc/testing';
import { ReplicatedEvent } from './club-and-org-unit-replica';
import { MEMBERSHIP_REPLICA_TABLES, replicateMembershipEvent } from './membership-replica';
import { membersAwaitingMembership } from './membership-settling';
import { givenReplicaDatabase } from './spec-support/given-replica-database';

const clubId = '00000000-0000-4000-8000-000000000001';
const otherClubId = '00000000-0000-4000-8000-000000000002';
const id = (n: number) => `10000000-0000-4000-8000-00000000000${n}`;
const [fresh, leaver, elsewhere, old, joinedOnly, unseen] = [1, 2, 3, 4, 5, 6].map(id);

const registered = (memberId: string): ReplicatedEvent => ({ type: 'MemberRegistered', data: { memberId } });
const joined = (memberId: string, club: string, joinedOn: string): ReplicatedEvent => ({ type: 'MemberJoinedClub', data: { memberId, clubId: club, joinedOn, roles: ['member'] } });

describeWith(['postgres'], 'a membership the replica may not have yet: registered moments ago, no membership of the club seen', () => {
  const replica = givenReplicaDatabase('membership_settling', MEMBERSHIP_REPLICA_TABLES, replicateMembershipEvent);
  /** The replica applied the registration an hour ago (past any settling window). */
  const registeredAnHourAgo = (memberId: string) =>
    replica.pool.query(`UPDATE member_replica SET registration_replicated_at = now() - interval '1 hour' WHERE member_id = $1`, [memberId]);
  const awaiting = async () => [...(await membersAwaitingMembership(replica.pool, clubId, [fresh, leaver, elsewhere, old, joinedOnly, unseen]))].sort();

  it('given registrations just applied, then those with no membership of the club at all await it; one of the club (whatever its dates), one registered long ago, one known only by a joining and one unseen do not', async () => {
    await replica.apply([
      registered(fresh),
      registered(leaver),
      joined(leaver, clubId, '2022-01-01'),
      { type: 'MembershipEnded', data: { memberId: leaver, clubId, leftOn: '2023-01-01', reason: null } },
      registered(elsewhere),
      joined(elsewhere, otherClubId, '2022-01-01'),
      registered(old),
      joined(joinedOnly, otherClubId, '2022-01-01'),
    ]);
    await registeredAnHourAgo(old);
    expect(await awaiting()).toEqual([fresh, elsewhere].sort());
  });

  it('when the joining arrives, then the member no longer awaits it', async () => {
    await replica.apply([joined(fresh, clubId, '2025-01-01')]);
    expect(await awaiting()).toEqual([elsewhere]);
  });

  it('when a registration is delivered again, then the window still runs from the first time it was applied', async () => {
    await replica.apply([registered(old)]);
    expect(await awaiting()).toEqual([elsewhere]);
  });

  it('given a settling window of 0 seconds, then no one awaits; no ids, no query', async () => {
    expect(await membersAwaitingMembership(replica.pool, clubId, [elsewhere], 0)).toEqual(new Set());
    expect(await membersAwaitingMembership(replica.pool, clubId, [])).toEqual(new Set());
  });
});
