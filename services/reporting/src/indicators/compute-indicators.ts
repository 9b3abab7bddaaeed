import { IsoDate } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { readActivityFacts } from './activity-facts.query';
import { readClubFacts } from './club-facts.query';
import { activityIndicators } from './domain/activity-indicators';
import { CoverageFacts } from './domain/coverage-indicators';
import { compositionIndicators } from './domain/composition-indicators';
import { coverageIndicators } from './domain/coverage-indicators';
import { fundIndicators } from './domain/fund-indicators';
import { loanIndicators } from './domain/loan-indicators';
import { wellManagedIndicators } from './domain/well-managed-indicators';
import { IndicatorValue } from './domain/indicator-value';
import { memberIndicators } from './domain/member-indicators';
import { newClubIndicators } from './domain/new-club-indicators';
import { PlanParameters } from './domain/plan-parameters';
import { readFundFacts } from './fund-facts.query';
import { readLoanFacts } from './loan-facts.query';
import { readRoleFacts } from './role-facts.query';
import { readMemberFacts } from './member-facts.query';

/**
 * Every indicator of ISHC.md §6 that reporting computes, for one scope (`communes(U,T)` and `clubs(U,T)`,
 * already resolved for a unit or a plan's footprint), one date and the plan's parameters. The facts are
 * read here and the pure modules in domain/ apply the definitions. GET /indicators, the breakdown and
 * the exports all answer from this one function, so they always agree. A new indicator module reads its
 * facts and adds its values here.
 */
export async function computeIndicators(
  db: Pool | PoolClient,
  scope: CoverageFacts,
  asOf: IsoDate,
  params: PlanParameters,
): Promise<IndicatorValue[]> {
  const clubIds = scope.clubs.map((c) => c.clubId);
  const funds = await readFundFacts(db, clubIds, asOf);
  const members = await readMemberFacts(db, clubIds, asOf);
  const clubs = await readClubFacts(db, scope.clubs);
  const activities = await readActivityFacts(db, clubIds, members, asOf, params);
  const loans = await readLoanFacts(db, clubIds, members, asOf);
  const roles = await readRoleFacts(db, clubIds, asOf);
  return [
    ...coverageIndicators(scope),
    ...fundIndicators(scope.clubs, funds),
    ...memberIndicators(scope.clubs, members, asOf, params),
    ...newClubIndicators(scope.clubs, { clubs, members }, asOf, params),
    ...compositionIndicators(scope.clubs, members, asOf, params),
    ...activityIndicators(scope.clubs, { activities, clubs, members }, asOf, params),
    ...wellManagedIndicators(scope.clubs, { activities, clubs, funds, members, roles }, asOf, params),
    ...loanIndicators(scope.clubs, { loans, members }, asOf, params),
  ];
}
