import { IsoDate } from '@ishc/contracts';
import { Actor, NotFoundError, ScopeChecker } from '@ishc/platform';
import { Pool } from 'pg';
import { scopeDateFor } from '../funds/club-path';
import { clubReplicaTable } from '../replica/club-replica.table';
import { LoanDetail, loanDetailTable } from './loan-detail.table';

/**
 * The loan's detail, once the caller is known to act within the scope of the loan's club on `on` (kept
 * within the club's lifetime): 404 for an unknown loan, 403 out of scope.
 */
export async function loanInScope(pool: Pool, scope: ScopeChecker, actor: Actor, loanId: string, on: IsoDate): Promise<LoanDetail> {
  const detail = await loanDetailTable.find(pool, loanId);
  if (!detail) throw new NotFoundError(`Unknown loan ${loanId}.`);
  const club = await clubReplicaTable.find(pool, detail.clubId);
  if (!club) throw new NotFoundError(`The club of loan ${loanId} is not known to microfinance.`);
  await scope.assertInScope(actor, club.communeCode, scopeDateFor(club, on));
  return detail;
}
