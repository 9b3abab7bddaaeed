import { IsoDate, ScheduledInstalmentV1 } from '@ishc/contracts';
import { ScopeTally, tallyClubs, tallyOf } from './club-tally';
import { IndicatorValue, count, percentage } from './indicator-value';
import { MemberFacts } from './members-on';
import { DEFAULT_PLAN_PARAMETERS, PlanParameters } from './plan-parameters';

export { loanWindow } from './windows';

/** A disbursed club-fund loan, as the loan events tell it (any dates; the rules are applied here). */
export interface LoanFact {
  loanId: string;
  clubId: string;
  memberId: string;
  principalVnd: number;
  disbursedOn: IsoDate;
  /** Fixed at disbursement (LoanDisbursed.schedule), in due order. */
  schedule: readonly ScheduledInstalmentV1[];
  /** Every payment, any date. */
  repayments: ReadonlyArray<{ paidOn: IsoDate; amountVnd: number }>;
  writtenOffOn: IsoDate | null;
}

/**
 * The loan facts of ISHC.md §6: the loans of the clubs of `clubs(U,T)` (their funds' portfolio) and the
 * loans of those clubs' members, whichever club's fund lent them.
 */
export interface LoanFacts {
  loans: readonly LoanFact[];
}

export type LoanParameters = Pick<PlanParameters, 'period' | 'trailingWindowMonths'>;

export interface LoanStanding {
  outstandingPrincipalVnd: number;
  daysPastDue: number;
}

const MS_PER_DAY = 86_400_000;
const dayNumber = (day: IsoDate): number => Date.parse(`${day}T00:00:00Z`) / MS_PER_DAY;

/**
 * A loan on T, by ISHC.md §4 exactly as microfinance applies it: the payments made on or before T settle
 * the schedule oldest instalment first, interest before principal, so their cumulative amount alone says
 * how far it is settled. Outstanding principal = principal − principal settled; days past due = T − the
 * due day of the oldest instalment not fully settled (0 when not due yet or none is left). Both are 0
 * before disbursement and from the write-off day on (the loan leaves the portfolio).
 */
export function loanStandingOn(loan: LoanFact, asOf: IsoDate): LoanStanding {
  if (asOf < loan.disbursedOn || (loan.writtenOffOn !== null && loan.writtenOffOn <= asOf)) return { outstandingPrincipalVnd: 0, daysPastDue: 0 };
  let left = loan.repayments.filter((r) => r.paidOn <= asOf).reduce((sum, r) => sum + r.amountVnd, 0);
  let principalPaidVnd = 0;
  let oldestUnpaidDueOn: IsoDate | null = null;
  for (const instalment of loan.schedule) {
    const interest = Math.min(left, instalment.interestVnd);
    left -= interest;
    const principal = Math.min(left, instalment.principalVnd);
    left -= principal;
    principalPaidVnd += principal;
    const settled = interest === instalment.interestVnd && principal === instalment.principalVnd;
    if (!settled && oldestUnpaidDueOn === null) oldestUnpaidDueOn = instalment.dueOn;
  }
  const daysPastDue = oldestUnpaidDueOn === null ? 0 : Math.max(0, dayNumber(asOf) - dayNumber(oldestUnpaidDueOn));
  return { outstandingPrincipalVnd: loan.principalVnd - principalPaidVnd, daysPastDue };
}

/**
 * `members_with_loan_pct`, `loans_outstanding_vnd` and `par30_pct`, exactly as ISHC.md §6 defines them:
 * - members in members(k,T) of clubs(U,T) with ≥ 1 club-fund loan disbursed to them within the loan
 *   window (loanWindow) / members_active;
 * - Σ outstanding principal on T of the loans of clubs(U,T)'s funds;
 * - the outstanding principal of those loans more than 30 days past due on T / loans_outstanding_vnd.
 */
export function loanIndicators(
  clubs: ReadonlyArray<{ clubId: string }>,
  facts: { loans: LoanFacts; members: MemberFacts },
  asOf: IsoDate,
  params: LoanParameters,
): IndicatorValue[] {
  const tally = tallyClubs(clubs, { members: facts.members, loans: facts.loans }, asOf, { ...DEFAULT_PLAN_PARAMETERS, ...params });
  return loanIndicatorsOf(clubs, { portfolio: portfolioOn(clubs, facts.loans, asOf), tally });
}

/** The portfolio of the funds of `clubs(U,T)` on T: Σ outstanding principal, and that of the loans more than 30 days past due. */
export interface LoanPortfolio {
  outstandingVnd: number;
  par30Vnd: number;
}

/**
 * The portfolio by loanStandingOn, loan by loan. Reporting has PostgreSQL apply the same rule
 * (loan-portfolio.query.ts): the country has ~180,000 loans with their schedules, too many to read.
 */
export function portfolioOn(clubs: ReadonlyArray<{ clubId: string }>, facts: LoanFacts, asOf: IsoDate): LoanPortfolio {
  const inScope = new Set(clubs.map((c) => c.clubId));
  const standings = facts.loans.filter((l) => inScope.has(l.clubId)).map((l) => loanStandingOn(l, asOf));
  return {
    outstandingVnd: standings.reduce((sum, s) => sum + s.outstandingPrincipalVnd, 0),
    par30Vnd: standings.filter((s) => s.outstandingPrincipalVnd > 0 && s.daysPastDue > 30).reduce((sum, s) => sum + s.outstandingPrincipalVnd, 0),
  };
}

/** The portfolio of some clubs (distinct club ids) from their own, club by club (a club missing has none). */
export function portfolioAmong(byClub: ReadonlyMap<string, LoanPortfolio>, clubIds: ReadonlySet<string>): LoanPortfolio {
  let outstandingVnd = 0;
  let par30Vnd = 0;
  for (const clubId of clubIds) {
    outstandingVnd += byClub.get(clubId)?.outstandingVnd ?? 0;
    par30Vnd += byClub.get(clubId)?.par30Vnd ?? 0;
  }
  return { outstandingVnd, par30Vnd };
}

/** loanIndicators from the portfolio and the clubs' tallies (club-tally.ts). */
export function loanIndicatorsOf(clubs: ReadonlyArray<{ clubId: string }>, facts: { portfolio: LoanPortfolio; tally: ScopeTally }): IndicatorValue[] {
  const clubIds = [...new Set(clubs.map((c) => c.clubId))];
  const members = clubIds.reduce((total, clubId) => total + tallyOf(facts.tally, clubId).members, 0);
  const borrowers = clubIds.reduce((total, clubId) => total + tallyOf(facts.tally, clubId).borrowers, 0);
  const { outstandingVnd, par30Vnd } = facts.portfolio;
  return [
    percentage('members_with_loan_pct', borrowers, members),
    count('loans_outstanding_vnd', outstandingVnd),
    percentage('par30_pct', par30Vnd, outstandingVnd),
  ];
}
