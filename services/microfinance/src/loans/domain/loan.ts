import { IsoDate, LoanAppliedV1, LoanEvent } from '@ishc/contracts';
import { isIsoDate } from '../../shared/iso-date';
import { compareRates, formatRatePct, isPositiveVnd, parseRatePct } from '../../shared/money';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { LoanHistory } from './arrears';
import { allocateRepayment, paidSplit } from './repayment-allocation';
import { Instalment, repaymentSchedule, totalScheduled } from './repayment-schedule';

export type { LoanEvent };

export const MAX_TERM_MONTHS = 120;
/** The highest monthly rate a club may set, in percent. */
export const MAX_MONTHLY_RATE_PCT = '10';
const MAX_RATE = parseRatePct(MAX_MONTHLY_RATE_PCT);

export type LoanStatus = 'none' | 'applied' | 'approved' | 'disbursed' | 'repaid' | 'written_off';

export interface LoanState {
  status: LoanStatus;
  application: LoanAppliedV1 | null;
  approvedOn: IsoDate | null;
  disbursedOn: IsoDate | null;
  schedule: Instalment[];
  repayments: { paidOn: IsoDate; amountVnd: number }[];
  /** Cumulative amount paid and its split. */
  paidVnd: number;
  principalPaidVnd: number;
  interestPaidVnd: number;
  /** Repaid or written off on. */
  closedOn: IsoDate | null;
}

export const initialLoanState = (): LoanState => ({
  status: 'none',
  application: null,
  approvedOn: null,
  disbursedOn: null,
  schedule: [],
  repayments: [],
  paidVnd: 0,
  principalPaidVnd: 0,
  interestPaidVnd: 0,
  closedOn: null,
});

export function evolveLoan(state: LoanState, event: LoanEvent): LoanState {
  switch (event.type) {
    case 'LoanApplied':
      return { ...initialLoanState(), status: 'applied', application: event.data };
    case 'LoanApproved':
      return { ...state, status: 'approved', approvedOn: event.data.approvedOn };
    case 'LoanDisbursed':
      return { ...state, status: 'disbursed', disbursedOn: event.data.disbursedOn, schedule: event.data.schedule };
    case 'LoanRepaymentReceived':
      return {
        ...state,
        repayments: [...state.repayments, { paidOn: event.data.paidOn, amountVnd: event.data.amountVnd }],
        paidVnd: state.paidVnd + event.data.amountVnd,
        principalPaidVnd: state.principalPaidVnd + event.data.principalVnd,
        interestPaidVnd: state.interestPaidVnd + event.data.interestVnd,
      };
    case 'LoanRepaid':
      return { ...state, status: 'repaid', closedOn: event.data.repaidOn };
    case 'LoanWrittenOff':
      return { ...state, status: 'written_off', closedOn: event.data.writtenOffOn };
  }
}

export interface ApplyForLoan {
  type: 'ApplyForLoan';
  loanId: string;
  clubId: string;
  memberId: string;
  principalVnd: number;
  termMonths: number;
  /** Percent per month, as a decimal string or a JSON number (read exactly by its decimal form). */
  monthlyRatePct: string | number;
  /** Required, but not in the event (free text may name people): the handler keeps it in loan_detail. */
  purpose: string;
  appliedOn: IsoDate;
  /** The caller's "today", so "not in the future" stays a pure rule. */
  today: IsoDate;
}

export interface ApproveLoan {
  type: 'ApproveLoan';
  loanId: string;
  approvedOn: IsoDate;
  today: IsoDate;
}

/**
 * Disbursing also draws on the club's income fund: the handler decides `DisburseFromFund` on the fund in the
 * same transaction, and the fund refuses money it does not hold.
 */
export interface DisburseLoan {
  type: 'DisburseLoan';
  loanId: string;
  disbursedOn: IsoDate;
  today: IsoDate;
}

export interface RecordRepayment {
  type: 'RecordRepayment';
  loanId: string;
  amountVnd: number;
  paidOn: IsoDate;
  today: IsoDate;
}

export interface WriteOffLoan {
  type: 'WriteOffLoan';
  loanId: string;
  writtenOffOn: IsoDate;
  /** Required, but not in the event (free text may name people): the handler keeps it in loan_detail. */
  reason: string;
  today: IsoDate;
}

export type LoanCommand = ApplyForLoan | ApproveLoan | DisburseLoan | RecordRepayment | WriteOffLoan;

export function decideLoan(command: LoanCommand, state: LoanState): LoanEvent[] {
  switch (command.type) {
    case 'ApplyForLoan':
      return decideApply(command, state);
    case 'ApproveLoan':
      return decideApprove(command, state);
    case 'DisburseLoan':
      return decideDisburse(command, state);
    case 'RecordRepayment':
      return decideRepayment(command, state);
    case 'WriteOffLoan':
      return decideWriteOff(command, state);
  }
}

function decideApply(command: ApplyForLoan, state: LoanState): LoanEvent[] {
  if (state.status !== 'none') throw new RuleViolation('conflict', null, `loan ${command.loanId} already exists`);
  const violations: RuleViolation[] = [];
  if (!isPositiveVnd(command.principalVnd)) violations.push(new RuleViolation('invalid', 'principalVnd', 'must be a positive whole number of VND'));
  if (!Number.isInteger(command.termMonths) || command.termMonths < 1 || command.termMonths > MAX_TERM_MONTHS) {
    violations.push(new RuleViolation('invalid', 'termMonths', `must be a whole number of months from 1 to ${MAX_TERM_MONTHS}`));
  }
  const rate = parseRatePct(command.monthlyRatePct);
  if (rate === null || MAX_RATE === null || compareRates(rate, MAX_RATE) > 0) {
    violations.push(new RuleViolation('invalid', 'monthlyRatePct', 'must be a decimal percentage from 0 to 10 (at most 6 decimals)'));
  }
  if (typeof command.purpose !== 'string' || command.purpose.trim() === '') violations.push(new RuleViolation('invalid', 'purpose', 'must not be empty'));
  violations.push(...dateViolations('appliedOn', command.appliedOn, command.today, []));
  if (violations.length > 0 || rate === null) throw new RuleViolations(violations);
  return [
    {
      type: 'LoanApplied',
      data: {
        loanId: command.loanId,
        clubId: command.clubId,
        memberId: command.memberId,
        principalVnd: command.principalVnd,
        termMonths: command.termMonths,
        monthlyRatePct: formatRatePct(rate),
        appliedOn: command.appliedOn,
      },
    },
  ];
}

function decideApprove(command: ApproveLoan, state: LoanState): LoanEvent[] {
  const application = requireStatus(state, command.loanId, 'applied', 'approved');
  throwIfAny(dateViolations('approvedOn', command.approvedOn, command.today, [['the application', application.appliedOn]]));
  return [{ type: 'LoanApproved', data: { loanId: command.loanId, approvedOn: command.approvedOn } }];
}

function decideDisburse(command: DisburseLoan, state: LoanState): LoanEvent[] {
  const application = requireStatus(state, command.loanId, 'approved', 'disbursed');
  throwIfAny(dateViolations('disbursedOn', command.disbursedOn, command.today, [['the approval', state.approvedOn ?? application.appliedOn]]));
  const monthlyRate = parseRatePct(application.monthlyRatePct);
  if (monthlyRate === null) throw new RuleViolation('conflict', null, `loan ${command.loanId} has an unreadable rate`);
  const schedule = repaymentSchedule({
    principalVnd: application.principalVnd,
    termMonths: application.termMonths,
    monthlyRate,
    disbursedOn: command.disbursedOn,
  });
  return [
    {
      type: 'LoanDisbursed',
      data: {
        loanId: command.loanId,
        clubId: application.clubId,
        memberId: application.memberId,
        principalVnd: application.principalVnd,
        disbursedOn: command.disbursedOn,
        schedule,
      },
    },
  ];
}

function decideRepayment(command: RecordRepayment, state: LoanState): LoanEvent[] {
  const application = requireStatus(state, command.loanId, 'disbursed', 'repaid');
  throwIfAny(dateViolations('paidOn', command.paidOn, command.today, notBefore(state)));
  const allocation = allocateRepayment(state.schedule, state.paidVnd, command.amountVnd);
  const events: LoanEvent[] = [
    {
      type: 'LoanRepaymentReceived',
      data: {
        loanId: command.loanId,
        clubId: application.clubId,
        paidOn: command.paidOn,
        amountVnd: command.amountVnd,
        principalVnd: allocation.principalVnd,
        interestVnd: allocation.interestVnd,
      },
    },
  ];
  if (allocation.settlesLoan) events.push({ type: 'LoanRepaid', data: { loanId: command.loanId, clubId: application.clubId, repaidOn: command.paidOn } });
  return events;
}

function decideWriteOff(command: WriteOffLoan, state: LoanState): LoanEvent[] {
  const application = requireStatus(state, command.loanId, 'disbursed', 'written off');
  const violations = dateViolations('writtenOffOn', command.writtenOffOn, command.today, notBefore(state));
  if (typeof command.reason !== 'string' || command.reason.trim() === '') violations.push(new RuleViolation('invalid', 'reason', 'must not be empty'));
  throwIfAny(violations);
  const scheduled = totalScheduled(state.schedule);
  return [
    {
      type: 'LoanWrittenOff',
      data: {
        loanId: command.loanId,
        clubId: application.clubId,
        writtenOffOn: command.writtenOffOn,
        principalVnd: scheduled.principalVnd - state.principalPaidVnd,
        interestVnd: scheduled.interestVnd - state.interestPaidVnd,
      },
    },
  ];
}

/** The loan's dated facts for arrears questions (arrears.ts), or null before disbursement. */
export function loanHistory(state: LoanState): LoanHistory | null {
  if (state.application === null || state.disbursedOn === null) return null;
  return {
    principalVnd: state.application.principalVnd,
    disbursedOn: state.disbursedOn,
    schedule: state.schedule,
    repayments: state.repayments,
    writtenOffOn: state.status === 'written_off' ? state.closedOn : null,
  };
}

/** Principal and interest still owed by the schedule (0 once written off). */
export function amountsOwed(state: LoanState): { principalVnd: number; interestVnd: number } {
  if (state.status === 'written_off') return { principalVnd: 0, interestVnd: 0 };
  const scheduled = totalScheduled(state.schedule);
  const paid = paidSplit(state.schedule, state.paidVnd);
  return { principalVnd: scheduled.principalVnd - paid.principalVnd, interestVnd: scheduled.interestVnd - paid.interestVnd };
}

function requireStatus(state: LoanState, loanId: string, required: LoanStatus, becoming: string): LoanAppliedV1 {
  if (state.application === null) throw new RuleViolation('not_found', null, `loan ${loanId} does not exist`);
  if (state.status !== required) throw new RuleViolation('conflict', null, `loan ${loanId} is ${state.status.replace('_', ' ')}; it can be ${becoming} only when ${required}`);
  return state.application;
}

/** The dates a repayment or write-off may not precede: disbursement and the last repayment. */
function notBefore(state: LoanState): [string, IsoDate][] {
  const bounds: [string, IsoDate][] = [['the disbursement', state.disbursedOn ?? '0000-01-01']];
  const last = state.repayments.at(-1);
  if (last) bounds.push(['the last repayment', last.paidOn]);
  return bounds;
}

function dateViolations(field: string, value: IsoDate, today: IsoDate, notBeforeDates: [string, IsoDate][]): RuleViolation[] {
  if (!isIsoDate(value)) return [new RuleViolation('invalid', field, 'must be a date YYYY-MM-DD')];
  if (value > today) return [new RuleViolation('invalid', field, 'must not be in the future')];
  const earlier = notBeforeDates.find(([, bound]) => value < bound);
  return earlier ? [new RuleViolation('invalid', field, `must not be before ${earlier[0]} (${earlier[1]})`)] : [];
}

function throwIfAny(violations: RuleViolation[]): void {
  if (violations.length > 0) throw new RuleViolations(violations);
}
