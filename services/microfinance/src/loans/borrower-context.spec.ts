import { randomUUID } from 'node:crypto';
import { clubReplicaTable, membersAwaitingMembership, membershipReplicaTable } from '@ishc/registry-replica';
import { givenReplicatingServiceClient } from '@ishc/registry-replica/testing';
import { describeWith } from '@ishc/testing';
import { defineTwoCommunes } from '../spec-support/loans-http';
import { startMicrofinance } from '../spec-support/microfinance-test-app';
import { loadBorrowerContext, loadBorrowerOfLoan } from './borrower-context';
import { loanDetailTable } from './loan-detail.table';

// The borrower's context is read from the replica library's tables in one statement: it must know exactly
// what the library's own reads (club, member and memberships, whether the membership may be on its way) know.
describeWith(['postgres'], "a borrower's context in one statement, as the replica library reads it", () => {
  const given = givenReplicatingServiceClient(startMicrofinance, defineTwoCommunes);

  const asTheLibraryReadsIt = async (clubId: string, memberId: string) => {
    const [club, member, awaiting] = [
      await clubReplicaTable.find(given.client, clubId),
      await membershipReplicaTable.findMember(given.client, memberId),
      await membersAwaitingMembership(given.client, clubId, [memberId]),
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

  it('given members who left and rejoined, died, belong elsewhere, were just registered or are unseen, and clubs dissolved or unseen, then both reads agree', async () => {
    const clubId = await given.app.establishClub('29461', '2021-06-01');
    const otherClubId = await given.app.establishClub('29462', '2021-06-01');
    const rejoined = await given.app.joinClub(clubId, '2022-01-01');
    await given.app.leaveClub(rejoined, clubId, '2023-01-01');
    await given.app.joinClub(clubId, '2024-01-01', { memberId: rejoined });
    await given.app.joinClub(otherClubId, '2024-02-01', { memberId: rejoined });
    const dead = await given.app.joinClub(clubId, '2022-01-01');
    await given.app.die(dead, clubId, '2024-03-01');
    const justRegistered = await given.app.registerMember('29461');
    const elsewhere = await given.app.registerMember('29461');
    await given.app.joinClub(otherClubId, '2022-01-01', { memberId: elsewhere });
    await given.app.dissolveClub(otherClubId, '2025-06-01');

    for (const club of [clubId, otherClubId, randomUUID()]) {
      for (const memberId of [rejoined, dead, justRegistered, elsewhere, randomUUID()]) {
        expect(await loadBorrowerContext(given.client, club, memberId)).toEqual(await asTheLibraryReadsIt(club, memberId));
      }
    }
    expect((await loadBorrowerContext(given.client, clubId, justRegistered)).member?.awaitingMembership).toBe(true);
    expect((await loadBorrowerContext(given.client, clubId, rejoined)).member?.awaitingMembership).toBe(false);
  });

  it("given a loan's detail, then its borrower's context is the same as by club and member; an unknown loan has none", async () => {
    const clubId = await given.app.establishClub('29461', '2021-06-01');
    const memberId = await given.app.joinClub(clubId, '2022-01-01');
    const loanId = randomUUID();
    await loanDetailTable.insert(given.client, { loanId, clubId, memberId, appliedOn: '2025-01-06', purpose: 'chăn nuôi' });
    expect(await loadBorrowerOfLoan(given.client, loanId)).toEqual(await asTheLibraryReadsIt(clubId, memberId));
    expect(await loadBorrowerOfLoan(given.client, randomUUID())).toBeNull();
  });
});
