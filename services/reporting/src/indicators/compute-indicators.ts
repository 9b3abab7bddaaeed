import { IsoDate } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { readActivityDays } from './activity-days.query';
import { readClubFacts } from './club-facts.query';
import { readClubTallies } from './club-tally.query';
import { activityIndicatorsOf } from './domain/activity-indicators';
import { CoverageFacts } from './domain/coverage-indicators';
import { compositionIndicatorsOf } from './domain/composition-indicators';
import { coverageIndicators } from './domain/coverage-indicators';
import { fundIndicators } from './domain/fund-indicators';
import { loanIndicatorsOf } from './domain/loan-indicators';
import { wellManagedIndicatorsOf } from './domain/well-managed-indicators';
import { IndicatorValue } from './domain/indicator-value';
import { memberIndicatorsOf } from './domain/member-indicators';
import { newClubIndicatorsOf } from './domain/new-club-indicators';
import { PlanParameters } from './domain/plan-parameters';
import { readFundFacts } from './fund-facts.query';
import { readLoanPortfolio } from './loan-portfolio.query';

/**
 * Every indicator of ISHC.md §6 that reporting computes, for one scope (`communes(U,T)` and `clubs(U,T)`,
 * already resolved for a unit or a plan's footprint), one date and the plan's parameters. The facts are
 * read here and the pure modules in domain/ apply the definitions. GET /indicators, the breakdown and
 * the exports all answer from this one function, so they always agree. A new indicator module reads its
 * facts and adds its values here.
 *
 * What is about members (600,000 in the country) and loans is counted by PostgreSQL (club-tally.query.ts,
 * loan-portfolio.query.ts, to the rules of domain/club-tally.ts and loanStandingOn); the rest is read
 * per club and judged in domain/.
 */
export async function computeIndicators(
  db: Pool | PoolClient,
  scope: CoverageFacts,
  asOf: IsoDate,
  params: PlanParameters,
): Promise<IndicatorValue[]> {
  const clubIds = scope.clubs.map((c) => c.clubId);
  // Within the caller's transaction (a no-op outside one): the national statements join hundreds of
  // thousands of rows, which 4 MB spills to disk, and JIT compiling them costs more than it saves. The
  // read models are read from memory, not disk: priced as such, a province's statements look up its
  // members through the indexes instead of scanning the country's tables.
  await db.query(`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true), set_config('random_page_cost', '1.1', true)`);
  const funds = await readFundFacts(db, clubIds, asOf);
  const clubs = await readClubFacts(db, scope.clubs);
  const tally = await readClubTallies(db, clubIds, asOf, params);
  const activities = await readActivityDays(db, clubIds, asOf, params);
  const portfolio = await readLoanPortfolio(db, clubIds, asOf);
  return [
    ...coverageIndicators(scope),
    ...fundIndicators(scope.clubs, funds),
    ...memberIndicatorsOf(scope.clubs, tally),
    ...newClubIndicatorsOf(scope.clubs, { clubs, tally }, params),
    ...compositionIndicatorsOf(scope.clubs, tally, params),
    ...activityIndicatorsOf(scope.clubs, { activities, clubs, tally }, asOf, params),
    ...wellManagedIndicatorsOf(scope.clubs, { activities, clubs, funds, tally }, asOf, params),
    ...loanIndicatorsOf(scope.clubs, { portfolio, tally }),
  ];
}
