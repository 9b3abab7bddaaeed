import { ReplicatedClubContext, readClubContext, readClubContextOfRows } from '@ishc/registry-replica';
import { PoolClient } from 'pg';
import { BorrowerContext } from './domain/borrower';

// What the replica knows of a loan's club and borrower, read in the command's transaction in one statement:
// the replica library's club context (readClubContext, which owns the replica's tables and is held to the
// library's per-part reads there). Only where the club and borrower come from is microfinance's own: a loan's
// are in loan_detail, read in that same statement. The loans' API specs hold the answers (409 not known yet,
// 409 not a member, 400 outside the club's lifetime).

/** The context of a borrower of the club (applying for a loan). */
export async function loadBorrowerContext(client: PoolClient, clubId: string, memberId: string): Promise<BorrowerContext> {
  return borrowerContext(clubId, memberId, await readClubContext(client, clubId, [memberId]));
}

/** The context of a loan's borrower (its club and member from loan_detail), in the same one statement; null for a loan that does not exist. */
export async function loadBorrowerOfLoan(client: PoolClient, loanId: string): Promise<BorrowerContext | null> {
  const [row] = await readClubContextOfRows<{ club_id: string; member_id: string }>(
    client,
    'SELECT club_id, member_id, ARRAY[member_id] AS member_ids FROM loan_detail WHERE loan_id = $1',
    [loanId],
  );
  return row ? borrowerContext(row.club_id, row.member_id, row.clubContext) : null;
}

function borrowerContext(clubId: string, memberId: string, { club, members }: ReplicatedClubContext): BorrowerContext {
  return { clubId, memberId, club, member: members.get(memberId) ?? null };
}
