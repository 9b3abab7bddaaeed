import { randomUUID } from 'node:crypto';
import { clubReplicaTable, membersAwaitingMembership, membershipReplicaTable } from '@ishc/registry-replica';
import { givenReplicatingServiceClient } from '@ishc/registry-replica/testing';
import { describeWith } from '@ishc/testing';
import { startActivities } from '../spec-support/activities-test-app';
import { defineTwoCommunes } from '../spec-support/two-communes';
import { loadClubContext } from './club-context';

// loadClubContext reads the replica library's tables in one statement: it must know exactly what the
// library's own reads (club, members with their dated roles, those whose membership may be on its way) know.
describeWith(['postgres'], 'the club context in one statement, as the replica library reads it', () => {
  const given = givenReplicatingServiceClient(startActivities, defineTwoCommunes);

  /** What the library's three reads give, shaped as the club context. */
  const asTheLibraryReadsIt = async (clubId: string, memberIds: string[]) => {
    const [club, members, awaiting] = [
      await clubReplicaTable.find(given.client, clubId),
      await membershipReplicaTable.findMembers(given.client, memberIds),
      await membersAwaitingMembership(given.client, clubId, memberIds),
    ];
    return {
      club,
      members: new Map([...members].map(([id, { diedOn, memberships }]) => [id, { diedOn, memberships, awaitingMembership: awaiting.has(id) }])),
    };
  };

  it('given a dissolved club, members who left and rejoined, changed roles, died, belong elsewhere, were just registered or are unseen, then both reads agree', async () => {
    const clubId = await given.app.establishClub('29461', '2021-06-01');
    const otherClubId = await given.app.establishClub('29462', '2021-06-01');
    const rejoined = await given.app.joinClub(clubId, '2022-01-01', { roles: ['member'] });
    await given.app.leaveClub(rejoined, clubId, '2023-01-01');
    await given.app.joinClub(clubId, '2024-01-01', { memberId: rejoined, roles: ['member', 'home_care_volunteer'] });
    await given.app.changeRoles(rejoined, clubId, ['member'], '2024-06-01');
    await given.app.joinClub(otherClubId, '2024-02-01', { memberId: rejoined });
    const dead = await given.app.joinClub(clubId, '2022-01-01');
    await given.app.die(dead, clubId, '2024-03-01');
    const justRegistered = await given.app.registerMember('29461');
    const elsewhere = await given.app.registerMember('29461');
    await given.app.joinClub(otherClubId, '2022-01-01', { memberId: elsewhere });
    await given.app.dissolveClub(clubId, '2025-06-01');
    const unseen = randomUUID();

    const memberIds = [rejoined, dead, justRegistered, elsewhere, unseen];
    const context = await loadClubContext(given.client, clubId, memberIds);
    expect(context).toEqual(await asTheLibraryReadsIt(clubId, memberIds));
    expect(context.members.get(justRegistered)?.awaitingMembership).toBe(true);
    expect(context.members.get(elsewhere)?.awaitingMembership).toBe(true);
    expect(context.members.get(rejoined)?.awaitingMembership).toBe(false);
    expect(context.members.has(unseen)).toBe(false);
    expect(await loadClubContext(given.client, otherClubId, memberIds)).toEqual(await asTheLibraryReadsIt(otherClubId, memberIds));
  });

  it('given a club not seen and no one named, then both reads know nothing', async () => {
    const clubId = randomUUID();
    expect(await loadClubContext(given.client, clubId, [])).toEqual(await asTheLibraryReadsIt(clubId, []));
    expect(await loadClubContext(given.client, clubId, [])).toEqual({ club: null, members: new Map() });
  });
});
