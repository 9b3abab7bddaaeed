import { describeWith } from '@ishc/testing';
import { randomUUID } from 'node:crypto';
import { clubReplicaTable } from './club-replica.table';
import { membershipReplicaTable } from './membership-replica.table';
import { membersAwaitingMembership } from './membership-settling';
import { readClubContext, readClubContextOfRows } from './replicated-club-context';
import { givenReplicatedRegistry } from './spec-support/given-replicated-registry';

// readClubContext is the per-part reads (club, members with dated roles, those awaiting a membership) in one
// statement: it must know exactly what they know, for every kind of club and member a command may name.
describeWith(['postgres'], 'the club context in one statement, as the per-part reads know it', () => {
  const given = givenReplicatedRegistry('club_context');

  /** What the per-part reads give, shaped as the club context. */
  const asThePerPartReadsKnowIt = async (clubId: string, memberIds: string[]) => {
    const [club, members, awaiting] = [
      await clubReplicaTable.find(given.client, clubId),
      await membershipReplicaTable.findMembers(given.client, memberIds),
      await membersAwaitingMembership(given.client, clubId, memberIds),
    ];
    return { club, members: new Map([...members].map(([id, member]) => [id, { ...member, awaitingMembership: awaiting.has(id) }])) };
  };
  /** The statements a read sends. */
  const statementsOf = async (read: () => Promise<unknown>) => {
    const query = jest.spyOn(given.client, 'query');
    try {
      await read();
      return query.mock.calls.length;
    } finally {
      query.mockRestore();
    }
  };

  it('given clubs dissolved or unseen, members who left and rejoined, changed roles, died, belong elsewhere, were registered moments or an hour ago, are known by a joining only or unseen, then both reads agree, in one statement', async () => {
    const clubId = await given.registry.establishClub('29461', '2021-06-01');
    const otherClubId = await given.registry.establishClub('29462', '2021-06-01');
    const rejoined = await given.registry.joinClub(clubId, '2022-01-01', { roles: ['chair'] });
    await given.registry.leaveClub(rejoined, clubId, '2023-01-01');
    await given.registry.joinClub(clubId, '2024-01-01', { memberId: rejoined, roles: ['member', 'home_care_volunteer'] });
    await given.registry.changeRoles(rejoined, clubId, ['member'], '2024-06-01');
    await given.registry.joinClub(otherClubId, '2024-01-01', { memberId: rejoined });
    const dead = await given.registry.joinClub(clubId, '2022-01-01');
    await given.registry.die(dead, clubId, '2024-03-01');
    const justRegistered = await given.registry.registerMember('29461');
    const elsewhere = await given.registry.registerMember('29461');
    await given.registry.joinClub(otherClubId, '2022-01-01', { memberId: elsewhere });
    const registeredAnHourAgo = await given.registry.registerMember('29461');
    await given.client.query(`UPDATE member_replica SET registration_replicated_at = now() - interval '1 hour' WHERE member_id = $1`, [registeredAnHourAgo]);
    const joinedOnly = await given.registry.joinClub(otherClubId, '2022-01-01');
    await given.registry.dissolveClub(clubId, '2025-06-01');
    const memberIds = [rejoined, dead, justRegistered, elsewhere, registeredAnHourAgo, joinedOnly, randomUUID()];

    for (const club of [clubId, otherClubId, randomUUID()]) {
      expect(await readClubContext(given.client, club, memberIds)).toEqual(await asThePerPartReadsKnowIt(club, memberIds));
    }
    const context = await readClubContext(given.client, clubId, memberIds);
    expect([...context.members].filter(([, member]) => member.awaitingMembership).map(([id]) => id).sort()).toEqual([justRegistered, elsewhere].sort());
    expect(context.members.size).toBe(6);
    expect(await statementsOf(() => readClubContext(given.client, clubId, memberIds))).toBe(1);
  });

  it('given a club not seen and no one named, then the context knows nothing', async () => {
    const clubId = randomUUID();
    expect(await readClubContext(given.client, clubId, [])).toEqual({ club: null, members: new Map() });
    expect(await asThePerPartReadsKnowIt(clubId, [])).toEqual({ club: null, members: new Map() });
  });

  it("given targets from a caller's own rows, then each row keeps its columns and has the context of its club and people, all in one statement; no row, no context", async () => {
    const clubId = await given.registry.establishClub('29461', '2021-06-01');
    const memberId = await given.registry.joinClub(clubId, '2022-01-01');
    const targets = `SELECT * FROM (VALUES ('first', $1::uuid, ARRAY[$2::uuid]), ('second', $3::uuid, '{}'::uuid[])) AS v(label, club_id, member_ids) WHERE label = ANY($4)`;
    const unseenClubId = randomUUID();
    const rows = await readClubContextOfRows<{ label: string; club_id: string }>(given.client, targets, [clubId, memberId, unseenClubId, ['first', 'second']]);
    expect(rows.sort((a, b) => a.label.localeCompare(b.label))).toEqual([
      { label: 'first', club_id: clubId, member_ids: [memberId], clubContext: await readClubContext(given.client, clubId, [memberId]) },
      { label: 'second', club_id: unseenClubId, member_ids: [], clubContext: { club: null, members: new Map() } },
    ]);
    expect(await readClubContextOfRows(given.client, targets, [clubId, memberId, unseenClubId, []])).toEqual([]);
    expect(await statementsOf(() => readClubContextOfRows(given.client, targets, [clubId, memberId, unseenClubId, ['first']]))).toBe(1);
  });
});
