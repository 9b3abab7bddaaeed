import { IsoDate } from '@ishc/contracts';
import { Actor, NotFoundError, ScopeChecker } from '@ishc/platform';
import { Pool } from 'pg';
import { scopeDateFor } from '../funds/club-path';
import { LoanDetail, loanDetailTable } from './loan-detail.table';

/**
 * The loan's detail, once the caller is known to act within the scope of the loan's club on `on` (kept
 * within the club's lifetime): 404 for an unknown loan, 403 out of scope.
 */
export async function loanInScope(pool: Pool, scope: ScopeChecker, actor: Actor, loanId: string, on: IsoDate): Promise<LoanDetail> {
  const found = await loanDetailTable.findWithClub(pool, loanId);
  if (!found) throw new NotFoundError(`Unknown loan ${loanId}.`);
  const { detail, club } = found;
  if (!club) throw new NotFoundError(`The club of loan ${loanId} is not known to microfinance.`);
  await scope.assertInScope(actor, club.communeCode, scopeDateFor(club, on));
  return detail;
}
