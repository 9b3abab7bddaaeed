import { FundKind } from '@ishc/contracts';
import { IndicatorValue, count, percentage } from './indicator-value';

/** The fund facts of ISHC.md §6, already restricted to `clubs(U,T)` and date T. */
export interface FundFacts {
  /** The funds of clubs in clubs(U,T) opened on or before T. */
  fundsOpened: ReadonlyArray<{ clubId: string; kind: FundKind }>;
  /** Σ over the income funds of clubs(U,T): cash + outstanding principal on T, whole VND. */
  incomeFundCapitalVnd: number;
}

/** FundFacts with the capital club by club (a club missing has none), for the whole scope. */
export interface ClubFundFacts {
  fundsOpened: FundFacts['fundsOpened'];
  incomeFundCapitalVnd: ReadonlyMap<string, number>;
}

/** The FundFacts of some clubs of the scope (distinct club ids): their capital summed. */
export function fundFactsAmong(facts: ClubFundFacts, clubIds: ReadonlySet<string>): FundFacts {
  let capital = 0;
  for (const clubId of clubIds) capital += facts.incomeFundCapitalVnd.get(clubId) ?? 0;
  return { fundsOpened: facts.fundsOpened, incomeFundCapitalVnd: capital };
}

/** `clubs_with_both_funds_pct` and `income_fund_capital_vnd`, exactly as ISHC.md §6 defines them. */
export function fundIndicators(clubs: ReadonlyArray<{ clubId: string }>, facts: FundFacts): IndicatorValue[] {
  const kindsOf = new Map<string, Set<FundKind>>();
  for (const f of facts.fundsOpened) kindsOf.set(f.clubId, (kindsOf.get(f.clubId) ?? new Set<FundKind>()).add(f.kind));
  const withBoth = clubs.filter((c) => (kindsOf.get(c.clubId)?.size ?? 0) === 2).length;
  return [percentage('clubs_with_both_funds_pct', withBoth, clubs.length), count('income_fund_capital_vnd', facts.incomeFundCapitalVnd)];
}
