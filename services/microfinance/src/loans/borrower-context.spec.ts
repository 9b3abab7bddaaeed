import { randomUUID } from 'node:crypto';
import { clubReplicaTable, membersAwaitingMembership, membershipReplicaTable } from '@ishc/registry-replica';
import { describeWith } from '@ishc/testing';
import { PoolClient } from 'pg';
import { MicrofinanceTestApp, startMicrofinance } from '../spec-support/microfinance-test-app';
import { defineTwoCommunes } from '../spec-support/loans-http';
import { loadBorrowerContext, loadBorrowerOfLoan } from './borrower-context';
import { loanDetailTable } from './loan-detail.table';

// The borrower's context is read from the replica library's tables in one statement: it must know exactly
// what the library's own reads (club, member and memberships, whether the membership may be on its way) know.
describeWith(['postgres'], "a borrower's context in one statement, as the replica library reads it", () => {
  let t: MicrofinanceTestApp;
  let client: PoolClient;

  const asTheLibraryReadsIt = async (clubId: string, memberId: string) => {
    const [club, member, awaiting] = [
      await clubReplicaTable.find(client, clubId),
      await membershipReplicaTable.findMember(client, memberId),
      await membersAwaitingMembership(client, clubId, [memberId]),
    ];
    return {
      clubId,
      memberId,
      club,
      member: member && {
        diedOn: member.diedOn,
        memberships: member.memberships.map(({ clubId: club, joinedOn, leftOn }) => ({ clubId: club, joinedOn, leftOn })),
        awaitingMembership: awaiting.has(memberId),
      },
    };
  };

  beforeAll(async () => {
    t = await startMicrofinance();
    await defineTwoCommunes(t);
    client = await t.db.pool.connect();
  });
  afterAll(async () => {
    client?.release();
    await t?.close();
  });

  it('given members who left and rejoined, died, belong elsewhere, were just registered or are unseen, and clubs dissolved or unseen, then both reads agree', async () => {
    const clubId = await t.establishClub('29461', '2021-06-01');
    const otherClubId = await t.establishClub('29462', '2021-06-01');
    const rejoined = await t.joinClub(clubId, '2022-01-01');
    await t.leaveClub(rejoined, clubId, '2023-01-01');
    await t.joinClub(clubId, '2024-01-01', { memberId: rejoined });
    await t.joinClub(otherClubId, '2024-02-01', { memberId: rejoined });
    const dead = await t.joinClub(clubId, '2022-01-01');
    await t.die(dead, clubId, '2024-03-01');
    const justRegistered = await t.registerMember('29461');
    const elsewhere = await t.registerMember('29461');
    await t.joinClub(otherClubId, '2022-01-01', { memberId: elsewhere });
    await t.dissolveClub(otherClubId, '2025-06-01');

    for (const club of [clubId, otherClubId, randomUUID()]) {
      for (const memberId of [rejoined, dead, justRegistered, elsewhere, randomUUID()]) {
        expect(await loadBorrowerContext(client, club, memberId)).toEqual(await asTheLibraryReadsIt(club, memberId));
      }
    }
    expect((await loadBorrowerContext(client, clubId, justRegistered)).member?.awaitingMembership).toBe(true);
    expect((await loadBorrowerContext(client, clubId, rejoined)).member?.awaitingMembership).toBe(false);
  });

  it("given a loan's detail, then its borrower's context is the same as by club and member; an unknown loan has none", async () => {
    const clubId = await t.establishClub('29461', '2021-06-01');
    const memberId = await t.joinClub(clubId, '2022-01-01');
    const loanId = randomUUID();
    await loanDetailTable.insert(client, { loanId, clubId, memberId, appliedOn: '2025-01-06', purpose: 'chăn nuôi' });
    expect(await loadBorrowerOfLoan(client, loanId)).toEqual(await asTheLibraryReadsIt(clubId, memberId));
    expect(await loadBorrowerOfLoan(client, randomUUID())).toBeNull();
  });
});
