import { IsoDate } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { readActivityDays } from './activity-days.query';
import { readClubFacts } from './club-facts.query';
import { readClubTallies } from './club-tally.query';
import { CoverageFacts } from './domain/coverage-indicators';
import { IndicatorFacts } from './domain/indicators-of';
import { PlanParameters } from './domain/plan-parameters';
import { readClubFundFacts } from './fund-facts.query';
import { readLoanPortfolioByClub } from './loan-portfolio.query';

/**
 * The facts of every indicator for a whole scope (`clubs(U,T)`, already resolved for a unit or a plan's
 * footprint) on one date, club by club, in a fixed number of statements whatever the size of the scope:
 * a breakdown into communes or clubs reads them once and answers each row from them (indicatorsOf).
 *
 * What is about members (600,000 in the country) and loans is counted by PostgreSQL (club-tally.query.ts,
 * loan-portfolio.query.ts, to the rules of domain/club-tally.ts and loanStandingOn); the rest is read
 * per club and judged in domain/.
 */
export async function readIndicatorFacts(db: Pool | PoolClient, scope: CoverageFacts, asOf: IsoDate, params: PlanParameters): Promise<IndicatorFacts> {
  const clubIds = scope.clubs.map((c) => c.clubId);
  // Within the caller's transaction (a no-op outside one): the national statements join hundreds of
  // thousands of rows, which 4 MB spills to disk, and JIT compiling them costs more than it saves. The
  // read models are read from memory, not disk: priced as such, a province's statements look up its
  // members through the indexes instead of scanning the country's tables.
  await db.query(`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true), set_config('random_page_cost', '1.1', true)`);
  const funds = await readClubFundFacts(db, clubIds, asOf);
  const clubs = await readClubFacts(db, scope.clubs);
  const tally = await readClubTallies(db, clubIds, asOf, params);
  const activities = await readActivityDays(db, clubIds, asOf, params);
  const portfolio = await readLoanPortfolioByClub(db, clubIds, asOf);
  return { funds, clubs, tally, activities, portfolio };
}
