import { randomUUID } from 'node:crypto';
import { readClubContext } from '@ishc/registry-replica';
import { givenReplicatingServiceClient } from '@ishc/registry-replica/testing';
import { describeWith } from '@ishc/testing';
import { defineTwoCommunes } from '../spec-support/loans-http';
import { startMicrofinance } from '../spec-support/microfinance-test-app';
import { loadBorrowerContext, loadBorrowerOfLoan } from './borrower-context';
import { loanDetailTable } from './loan-detail.table';

// The club context itself is the replica library's (held to its per-part reads there); what is microfinance's
// own is the borrower taken out of it, and a loan's club and borrower read from loan_detail in the same statement.
describeWith(['postgres'], "a borrower's context and a loan's club, out of the replica library's club context", () => {
  const given = givenReplicatingServiceClient(startMicrofinance, defineTwoCommunes);

  it('given a member of the club and a person not seen, then the context is the club and that member as the library reads them, or no member', async () => {
    const clubId = await given.app.establishClub('29461', '2021-06-01');
    const memberId = await given.app.joinClub(clubId, '2022-01-01');
    const { club, members } = await readClubContext(given.client, clubId, [memberId]);
    expect(await loadBorrowerContext(given.client, clubId, memberId)).toEqual({ clubId, memberId, club, member: members.get(memberId) });
    const unseen = randomUUID();
    expect(await loadBorrowerContext(given.client, clubId, unseen)).toEqual({ clubId, memberId: unseen, club, member: null });
  });

  it("given a loan's detail, then its borrower's context is the same as by club and member; an unknown loan has none", async () => {
    const clubId = await given.app.establishClub('29461', '2021-06-01');
    const memberId = await given.app.joinClub(clubId, '2022-01-01');
    const loanId = randomUUID();
    await loanDetailTable.insert(given.client, { loanId, clubId, memberId, appliedOn: '2025-01-06', purpose: 'chăn nuôi' });
    expect(await loadBorrowerOfLoan(given.client, loanId)).toEqual(await loadBorrowerContext(given.client, clubId, memberId));
    expect(await loadBorrowerOfLoan(given.client, randomUUID())).toBeNull();
  });

  it("given loans of a club seen and of one not seen yet, then each loan's detail comes with its club as the library reads it, or none; an unknown loan has neither", async () => {
    const clubId = await given.app.establishClub('29461', '2021-06-01');
    const [loanId, loanOfUnseenClub, unseenClubId] = [randomUUID(), randomUUID(), randomUUID()];
    await loanDetailTable.insert(given.client, { loanId, clubId, memberId: randomUUID(), appliedOn: '2025-01-06', purpose: 'chăn nuôi' });
    await loanDetailTable.insert(given.client, { loanId: loanOfUnseenClub, clubId: unseenClubId, memberId: randomUUID(), appliedOn: '2025-01-06', purpose: 'trồng trọt' });
    const { club } = await readClubContext(given.client, clubId, []);
    expect(club).not.toBeNull();
    expect(await loanDetailTable.findWithClub(given.client, loanId)).toEqual({ detail: await loanDetailTable.find(given.client, loanId), club });
    expect(await loanDetailTable.findWithClub(given.client, loanOfUnseenClub)).toEqual({ detail: await loanDetailTable.find(given.client, loanOfUnseenClub), club: null });
    expect(await loanDetailTable.findWithClub(given.client, randomUUID())).toBeNull();
  });
});
