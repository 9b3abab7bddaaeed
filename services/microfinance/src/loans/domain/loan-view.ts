import { IsoDate } from '@ishc/contracts';
import { ArrearsBucket, loanStandingOn, paidOn } from './arrears';
import { LoanState, LoanStatus, loanHistory } from './loan';
import { paidSplit, settlementOf } from './repayment-allocation';
import { totalScheduled } from './repayment-schedule';

/** One instalment with what was paid of it by the as-of date. */
export interface InstalmentView {
  number: number;
  dueOn: IsoDate;
  principalVnd: number;
  interestVnd: number;
  principalPaidVnd: number;
  interestPaidVnd: number;
  /** Interest and principal both paid. */
  paid: boolean;
}

export interface Amounts {
  totalVnd: number;
  principalVnd: number;
  interestVnd: number;
}

/** A loan as it stood on `asOf` (GET /loans/{id}). */
export interface LoanStanding {
  asOf: IsoDate;
  status: Exclude<LoanStatus, 'none'>;
  principalVnd: number;
  termMonths: number;
  monthlyRatePct: string;
  appliedOn: IsoDate;
  /** Each date is null until it happened on or before asOf. */
  approvedOn: IsoDate | null;
  disbursedOn: IsoDate | null;
  repaidOn: IsoDate | null;
  writtenOffOn: IsoDate | null;
  /** Fixed at disbursement; empty before. */
  schedule: InstalmentView[];
  paid: Amounts;
  /** Still owed by the schedule: 0 once repaid or written off. */
  outstanding: Amounts;
  daysPastDue: number;
  arrearsBucket: ArrearsBucket;
}

/**
 * The loan on `asOf`, from its state: the status it had that day, the schedule with what the payments made
 * on or before it settled (oldest instalment first, interest before principal), what is still owed, days
 * past due and the arrears bucket. Null when the loan had not been applied for yet on `asOf`.
 */
export function loanStandingAsOf(state: LoanState, asOf: IsoDate): LoanStanding | null {
  const application = state.application;
  if (application === null || asOf < application.appliedOn) return null;
  const happened = (on: IsoDate | null) => (on !== null && on <= asOf ? on : null);
  const disbursedOn = happened(state.disbursedOn);
  const closedOn = happened(state.closedOn);
  const repaidOn = state.status === 'repaid' ? closedOn : null;
  const writtenOffOn = state.status === 'written_off' ? closedOn : null;
  const history = loanHistory(state);
  const paidVnd = history && disbursedOn ? paidOn(history, asOf) : 0;
  const settlements = disbursedOn ? settlementOf(state.schedule, paidVnd) : [];
  const schedule = settlements.map((s, i) => ({ ...state.schedule[i], principalPaidVnd: s.principalPaidVnd, interestPaidVnd: s.interestPaidVnd, paid: s.settled }));
  const split = disbursedOn ? paidSplit(state.schedule, paidVnd) : { principalVnd: 0, interestVnd: 0 };
  const scheduled = disbursedOn ? totalScheduled(state.schedule) : { principalVnd: 0, interestVnd: 0 };
  const owes = disbursedOn !== null && writtenOffOn === null;
  const outstanding = owes ? { principalVnd: scheduled.principalVnd - split.principalVnd, interestVnd: scheduled.interestVnd - split.interestVnd } : { principalVnd: 0, interestVnd: 0 };
  const standing = history && disbursedOn ? loanStandingOn(history, asOf) : null;
  return {
    asOf,
    status: repaidOn ? 'repaid' : writtenOffOn ? 'written_off' : disbursedOn ? 'disbursed' : happened(state.approvedOn) ? 'approved' : 'applied',
    principalVnd: application.principalVnd,
    termMonths: application.termMonths,
    monthlyRatePct: application.monthlyRatePct,
    appliedOn: application.appliedOn,
    approvedOn: happened(state.approvedOn),
    disbursedOn,
    repaidOn,
    writtenOffOn,
    schedule,
    paid: { totalVnd: split.principalVnd + split.interestVnd, principalVnd: split.principalVnd, interestVnd: split.interestVnd },
    outstanding: { totalVnd: outstanding.principalVnd + outstanding.interestVnd, ...outstanding },
    daysPastDue: standing?.daysPastDue ?? 0,
    arrearsBucket: standing?.bucket ?? 'current',
  };
}
