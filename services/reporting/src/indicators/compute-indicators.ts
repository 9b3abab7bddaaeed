import { IsoDate } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { CoverageFacts } from './domain/coverage-indicators';
import { IndicatorValue } from './domain/indicator-value';
import { indicatorsOf } from './domain/indicators-of';
import { PlanParameters } from './domain/plan-parameters';
import { readIndicatorFacts } from './indicator-facts.query';

/**
 * Every indicator of ISHC.md §6 that reporting computes, for one scope (`communes(U,T)` and `clubs(U,T)`,
 * already resolved for a unit or a plan's footprint), one date and the plan's parameters: the scope's
 * facts read once (readIndicatorFacts), the definitions applied to them (indicatorsOf). A breakdown reads
 * the facts of its whole scope once and applies indicatorsOf to each row. A new indicator module reads
 * its facts in readIndicatorFacts and adds its values in indicatorsOf.
 */
export async function computeIndicators(db: Pool | PoolClient, scope: CoverageFacts, asOf: IsoDate, params: PlanParameters): Promise<IndicatorValue[]> {
  return indicatorsOf(scope, await readIndicatorFacts(db, scope, asOf, params), asOf, params);
}
