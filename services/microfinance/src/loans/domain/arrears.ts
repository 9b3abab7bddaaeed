import { IsoDate } from '@ishc/contracts';
import { daysBetween } from '../../shared/iso-date';
import { paidSplit, settlementOf } from './repayment-allocation';
import { Instalment } from './repayment-schedule';

/** A disbursed loan's dated facts, enough to answer any as-of question. */
export interface LoanHistory {
  principalVnd: number;
  disbursedOn: IsoDate;
  schedule: readonly Instalment[];
  /** In the order received (dates never go backwards). */
  repayments: readonly { paidOn: IsoDate; amountVnd: number }[];
  writtenOffOn: IsoDate | null;
}

export type ArrearsBucket = 'current' | '1-30' | '31-60' | '61-90' | '>90';

/** Total paid on or before `asOf`. */
export function paidOn(loan: LoanHistory, asOf: IsoDate): number {
  return loan.repayments.filter((r) => r.paidOn <= asOf).reduce((sum, r) => sum + r.amountVnd, 0);
}

/**
 * Days past due on `asOf`: the oldest instalment not fully paid (by payments made on or before `asOf`) fell
 * due d days before `asOf`; 0 when it is not due yet, when everything is paid, before disbursement, and
 * from the write-off on (a written-off loan leaves the portfolio).
 */
export function daysPastDue(loan: LoanHistory, asOf: IsoDate): number {
  if (asOf < loan.disbursedOn || isWrittenOff(loan, asOf)) return 0;
  const settlements = settlementOf(loan.schedule, paidOn(loan, asOf));
  const oldestUnpaid = loan.schedule.find((_, index) => !settlements[index].settled);
  if (!oldestUnpaid) return 0;
  return Math.max(0, daysBetween(oldestUnpaid.dueOn, asOf));
}

export function arrearsBucket(days: number): ArrearsBucket {
  if (days <= 0) return 'current';
  if (days <= 30) return '1-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  return '>90';
}

/** Principal disbursed and not yet repaid on `asOf`; 0 before disbursement and from the write-off on. */
export function outstandingPrincipal(loan: LoanHistory, asOf: IsoDate): number {
  if (asOf < loan.disbursedOn || isWrittenOff(loan, asOf)) return 0;
  return loan.principalVnd - paidSplit(loan.schedule, paidOn(loan, asOf)).principalVnd;
}

/** In the portfolio at risk on `asOf` (ISHC.md §6 par30_pct): outstanding principal and an instalment unpaid more than 30 days past due. */
export function isPar30(loan: LoanHistory, asOf: IsoDate): boolean {
  return outstandingPrincipal(loan, asOf) > 0 && daysPastDue(loan, asOf) > 30;
}

export interface LoanStanding {
  outstandingPrincipalVnd: number;
  daysPastDue: number;
  bucket: ArrearsBucket;
  par30: boolean;
}

export function loanStandingOn(loan: LoanHistory, asOf: IsoDate): LoanStanding {
  const days = daysPastDue(loan, asOf);
  const outstandingPrincipalVnd = outstandingPrincipal(loan, asOf);
  return { outstandingPrincipalVnd, daysPastDue: days, bucket: arrearsBucket(days), par30: outstandingPrincipalVnd > 0 && days > 30 };
}

/** Portfolio figures over many loans on `asOf`: loans_outstanding_vnd and par30 (numerator, denominator, pct or null). */
export function portfolioOn(loans: readonly LoanHistory[], asOf: IsoDate): { outstandingVnd: number; par30Vnd: number; par30Pct: number | null } {
  const standings = loans.map((loan) => loanStandingOn(loan, asOf));
  const outstandingVnd = standings.reduce((sum, s) => sum + s.outstandingPrincipalVnd, 0);
  const par30Vnd = standings.filter((s) => s.par30).reduce((sum, s) => sum + s.outstandingPrincipalVnd, 0);
  return { outstandingVnd, par30Vnd, par30Pct: outstandingVnd === 0 ? null : (100 * par30Vnd) / outstandingVnd };
}

function isWrittenOff(loan: LoanHistory, asOf: IsoDate): boolean {
  return loan.writtenOffOn !== null && loan.writtenOffOn <= asOf;
}
