import { IsoDate } from '@ishc/contracts';
import { ActivityFacts, activityIndicatorsOf } from './activity-indicators';
import { ScopeTally, beneficiariesAmong } from './club-tally';
import { compositionIndicatorsOf } from './composition-indicators';
import { CoverageFacts, coverageIndicators } from './coverage-indicators';
import { ClubFundFacts, fundFactsAmong, fundIndicators } from './fund-indicators';
import { IndicatorValue } from './indicator-value';
import { LoanPortfolio, loanIndicatorsOf, portfolioAmong } from './loan-indicators';
import { memberIndicatorsOf } from './member-indicators';
import { ClubFacts, newClubIndicatorsOf } from './new-club-indicators';
import { PlanParameters } from './plan-parameters';
import { wellManagedIndicatorsOf } from './well-managed-indicators';

/**
 * Every fact the indicators of ISHC.md §6 need for one scope (`clubs(U,T)`) on one date, kept club by
 * club: what is summed over the scope (the income funds' capital, the loan portfolio, home care's
 * beneficiaries) is kept per club, so any part of the scope — a commune, a club — is answered from
 * these facts alone (indicatorsOf), without reading them again.
 */
export interface IndicatorFacts {
  funds: ClubFundFacts;
  clubs: ClubFacts;
  tally: ScopeTally;
  activities: Pick<ActivityFacts, 'areasCovered' | 'meetings'>;
  /** By club id; a club without loans outstanding on T may be missing. */
  portfolio: ReadonlyMap<string, LoanPortfolio>;
}

/**
 * The facts of a scope cut along its clubs, for a breakdown: `factsOf(part)` gives the facts of the part's
 * clubs alone (what the modules would look up for them), so each row costs what its own clubs have, not
 * what the whole scope has (a country broken down by club has 10,000 rows).
 */
export function factsByPart(facts: IndicatorFacts): (part: CoverageFacts) => IndicatorFacts {
  const of = new Map<string, ClubsOwnFacts>();
  const club = (clubId: string): ClubsOwnFacts => {
    let entry = of.get(clubId);
    if (!entry) of.set(clubId, (entry = { fundsOpened: [], established: [], areasCovered: [], meetings: [], sharedBeneficiaries: [] }));
    return entry;
  };
  for (const f of facts.funds.fundsOpened) club(f.clubId).fundsOpened.push(f);
  for (const e of facts.clubs.established) club(e.clubId).established.push(e);
  for (const a of facts.activities.areasCovered) club(a.clubId).areasCovered.push(a);
  for (const m of facts.activities.meetings) club(m.clubId).meetings.push(m);
  for (const clubIds of facts.tally.sharedBeneficiaries) for (const clubId of clubIds) club(clubId).sharedBeneficiaries.push(clubIds);
  const priority = new Set(facts.clubs.priorityCommunes);
  const none: ClubsOwnFacts = { fundsOpened: [], established: [], areasCovered: [], meetings: [], sharedBeneficiaries: [] };
  return (part) => {
    const clubIds = [...new Set(part.clubs.map((c) => c.clubId))];
    const pick = <T>(rows: (own: ClubsOwnFacts) => T[]): T[] => clubIds.flatMap((clubId) => rows(of.get(clubId) ?? none));
    const communes = new Set([...part.communes, ...part.clubs.map((c) => c.communeCode)]);
    return {
      funds: { fundsOpened: pick((own) => own.fundsOpened), incomeFundCapitalVnd: facts.funds.incomeFundCapitalVnd },
      clubs: { established: pick((own) => own.established), priorityCommunes: [...communes].filter((code) => priority.has(code)) },
      tally: { ...facts.tally, sharedBeneficiaries: [...new Set(pick((own) => own.sharedBeneficiaries))] },
      activities: { areasCovered: pick((own) => own.areasCovered), meetings: pick((own) => own.meetings) },
      portfolio: facts.portfolio,
    };
  };
}

/** The facts of one club, as factsByPart indexes them. */
interface ClubsOwnFacts {
  fundsOpened: Array<ClubFundFacts['fundsOpened'][number]>;
  established: Array<ClubFacts['established'][number]>;
  areasCovered: Array<IndicatorFacts['activities']['areasCovered'][number]>;
  meetings: Array<IndicatorFacts['activities']['meetings'][number]>;
  sharedBeneficiaries: Array<readonly string[]>;
}

/**
 * The indicators of `part` (the scope the facts were read for, or some of its communes and clubs, each
 * with its communes) on T. Every module looks facts up club by club for the clubs it is given; the sums
 * over the scope are made here for the part's clubs only. GET /indicators, the breakdown and the exports
 * all answer through this one function, so they always agree.
 */
export function indicatorsOf(part: CoverageFacts, facts: IndicatorFacts, asOf: IsoDate, params: PlanParameters): IndicatorValue[] {
  const clubIds = new Set(part.clubs.map((c) => c.clubId));
  const funds = fundFactsAmong(facts.funds, clubIds);
  const tally: ScopeTally = { ...facts.tally, homeCareBeneficiaries: beneficiariesAmong(facts.tally, clubIds) };
  const portfolio = portfolioAmong(facts.portfolio, clubIds);
  const { clubs, activities } = facts;
  return [
    ...coverageIndicators(part),
    ...fundIndicators(part.clubs, funds),
    ...memberIndicatorsOf(part.clubs, tally),
    ...newClubIndicatorsOf(part.clubs, { clubs, tally }, params),
    ...compositionIndicatorsOf(part.clubs, tally, params),
    ...activityIndicatorsOf(part.clubs, { activities, clubs, tally }, asOf, params),
    ...wellManagedIndicatorsOf(part.clubs, { activities, clubs, funds, tally }, asOf, params),
    ...loanIndicatorsOf(part.clubs, { portfolio, tally }),
  ];
}
