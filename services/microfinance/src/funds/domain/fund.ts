import { FUND_KINDS, FUND_SOURCES, FundEvent, FundKind, FundSource, IsoDate } from '@ishc/contracts';
import { isIsoDate } from '../../shared/iso-date';
import { isPositiveVnd, isVnd } from '../../shared/money';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { FundLedger, cashAvailableFrom, emptyLedger, journalEntryFor, post } from './fund-ledger';

export type { FundEvent };

/** A loan the fund has lent, as far as the fund knows it. */
export interface FundLoan {
  disbursedOn: IsoDate;
  outstandingVnd: number;
}

export interface FundState {
  clubId: string | null;
  kind: FundKind | null;
  openedOn: IsoDate | null;
  ledger: FundLedger;
  loans: Record<string, FundLoan>;
}

export const initialFundState = (): FundState => ({ clubId: null, kind: null, openedOn: null, ledger: emptyLedger(), loans: {} });

export function evolveFund(state: FundState, event: FundEvent): FundState {
  const entry = journalEntryFor(event);
  const ledger = entry ? post(state.ledger, entry) : state.ledger;
  switch (event.type) {
    case 'FundOpened':
      return { ...initialFundState(), clubId: event.data.clubId, kind: event.data.kind, openedOn: event.data.openedOn };
    case 'FundContributionReceived':
      return { ...state, ledger };
    case 'FundLoanDisbursed':
      return { ...state, ledger, loans: { ...state.loans, [event.data.loanId]: { disbursedOn: event.data.disbursedOn, outstandingVnd: event.data.amountVnd } } };
    case 'FundRepaymentReceived':
      return { ...state, ledger, loans: reduceLoan(state.loans, event.data.loanId, event.data.principalVnd) };
    case 'FundLoanWrittenOff':
      return { ...state, ledger, loans: reduceLoan(state.loans, event.data.loanId, event.data.principalVnd) };
  }
}

export interface OpenFund {
  type: 'OpenFund';
  clubId: string;
  kind: FundKind;
  openedOn: IsoDate;
  today: IsoDate;
}

export interface Contribute {
  type: 'Contribute';
  amountVnd: number;
  source: FundSource;
  receivedOn: IsoDate;
  today: IsoDate;
}

/** Lends `amountVnd` of the income fund to loan `loanId` (decided with the loan's DisburseLoan). */
export interface DisburseFromFund {
  type: 'DisburseFromFund';
  loanId: string;
  amountVnd: number;
  disbursedOn: IsoDate;
  today: IsoDate;
}

/** Books a repayment the loan has split (LoanRepaymentReceived): principal back to cash, interest to income. */
export interface ReceiveRepayment {
  type: 'ReceiveRepayment';
  loanId: string;
  principalVnd: number;
  interestVnd: number;
  receivedOn: IsoDate;
  today: IsoDate;
}

/** Books a loan's write-off (LoanWrittenOff): its outstanding principal leaves the fund's loans. */
export interface WriteOffFromFund {
  type: 'WriteOffFromFund';
  loanId: string;
  principalVnd: number;
  writtenOffOn: IsoDate;
  today: IsoDate;
}

export type FundCommand = OpenFund | Contribute | DisburseFromFund | ReceiveRepayment | WriteOffFromFund;

export function decideFund(command: FundCommand, state: FundState): FundEvent[] {
  if (command.type === 'OpenFund') return decideOpen(command, state);
  const { clubId, kind, openedOn } = requireOpen(state);
  switch (command.type) {
    case 'Contribute': {
      const violations = dateViolations('receivedOn', command.receivedOn, command.today, openedOn);
      if (!isPositiveVnd(command.amountVnd)) violations.push(new RuleViolation('invalid', 'amountVnd', 'must be a positive whole number of VND'));
      if (!FUND_SOURCES.includes(command.source)) violations.push(new RuleViolation('invalid', 'source', `must be one of ${FUND_SOURCES.join(', ')}`));
      throwIfAny(violations);
      return [{ type: 'FundContributionReceived', data: { clubId, kind, amountVnd: command.amountVnd, source: command.source, receivedOn: command.receivedOn } }];
    }
    case 'DisburseFromFund': {
      requireIncomeFund(kind);
      if (state.loans[command.loanId]) throw new RuleViolation('conflict', null, `loan ${command.loanId} was already disbursed from this fund`);
      const violations = dateViolations('disbursedOn', command.disbursedOn, command.today, openedOn);
      if (!isPositiveVnd(command.amountVnd)) violations.push(new RuleViolation('invalid', 'amountVnd', 'must be a positive whole number of VND'));
      throwIfAny(violations);
      const available = cashAvailableFrom(state.ledger, command.disbursedOn);
      if (command.amountVnd > available) {
        throw new RuleViolation('conflict', 'amountVnd', `the fund holds ${available} VND on ${command.disbursedOn}; it cannot lend ${command.amountVnd} VND`);
      }
      return [{ type: 'FundLoanDisbursed', data: { clubId, kind, loanId: command.loanId, amountVnd: command.amountVnd, disbursedOn: command.disbursedOn } }];
    }
    case 'ReceiveRepayment': {
      requireIncomeFund(kind);
      const loan = requireLoan(state, command.loanId);
      const violations = dateViolations('receivedOn', command.receivedOn, command.today, loan.disbursedOn);
      if (!isVnd(command.principalVnd)) violations.push(new RuleViolation('invalid', 'principalVnd', 'must be a whole number of VND, 0 or more'));
      if (!isVnd(command.interestVnd)) violations.push(new RuleViolation('invalid', 'interestVnd', 'must be a whole number of VND, 0 or more'));
      if (violations.length === 0 && command.principalVnd + command.interestVnd === 0) violations.push(new RuleViolation('invalid', 'principalVnd', 'a repayment moves some money'));
      throwIfAny(violations);
      requireOutstanding(loan, command.loanId, command.principalVnd);
      const { loanId, principalVnd, interestVnd, receivedOn } = command;
      return [{ type: 'FundRepaymentReceived', data: { clubId, kind, loanId, principalVnd, interestVnd, receivedOn } }];
    }
    case 'WriteOffFromFund': {
      requireIncomeFund(kind);
      const loan = requireLoan(state, command.loanId);
      const violations = dateViolations('writtenOffOn', command.writtenOffOn, command.today, loan.disbursedOn);
      if (!isVnd(command.principalVnd)) violations.push(new RuleViolation('invalid', 'principalVnd', 'must be a whole number of VND, 0 or more'));
      throwIfAny(violations);
      requireOutstanding(loan, command.loanId, command.principalVnd);
      return [{ type: 'FundLoanWrittenOff', data: { clubId, kind, loanId: command.loanId, principalVnd: command.principalVnd, writtenOffOn: command.writtenOffOn } }];
    }
  }
}

function decideOpen(command: OpenFund, state: FundState): FundEvent[] {
  if (state.openedOn !== null) throw new RuleViolation('conflict', null, `the ${state.kind} fund of club ${state.clubId} is already open`);
  const violations = dateViolations('openedOn', command.openedOn, command.today, null);
  if (!FUND_KINDS.includes(command.kind)) violations.push(new RuleViolation('invalid', 'kind', `must be one of ${FUND_KINDS.join(', ')}`));
  throwIfAny(violations);
  return [{ type: 'FundOpened', data: { clubId: command.clubId, kind: command.kind, openedOn: command.openedOn } }];
}

function requireOpen(state: FundState): { clubId: string; kind: FundKind; openedOn: IsoDate } {
  if (state.clubId === null || state.kind === null || state.openedOn === null) throw new RuleViolation('not_found', null, 'the fund is not open');
  return { clubId: state.clubId, kind: state.kind, openedOn: state.openedOn };
}

function requireIncomeFund(kind: FundKind): void {
  if (kind !== 'income') throw new RuleViolation('conflict', null, 'loans are lent from the income-generation fund only');
}

function requireLoan(state: FundState, loanId: string): FundLoan {
  const loan = state.loans[loanId];
  if (!loan) throw new RuleViolation('conflict', 'loanId', `loan ${loanId} was not disbursed from this fund`);
  return loan;
}

function requireOutstanding(loan: FundLoan, loanId: string, principalVnd: number): void {
  if (principalVnd > loan.outstandingVnd) {
    throw new RuleViolation('conflict', 'principalVnd', `loan ${loanId} has ${loan.outstandingVnd} VND outstanding, less than ${principalVnd} VND`);
  }
}

function reduceLoan(loans: Record<string, FundLoan>, loanId: string, principalVnd: number): Record<string, FundLoan> {
  const loan = loans[loanId];
  return loan ? { ...loans, [loanId]: { ...loan, outstandingVnd: loan.outstandingVnd - principalVnd } } : loans;
}

function dateViolations(field: string, value: IsoDate, today: IsoDate, notBefore: IsoDate | null): RuleViolation[] {
  if (!isIsoDate(value)) return [new RuleViolation('invalid', field, 'must be a date YYYY-MM-DD')];
  if (value > today) return [new RuleViolation('invalid', field, 'must not be in the future')];
  if (notBefore !== null && value < notBefore) return [new RuleViolation('invalid', field, `must not be before ${notBefore}`)];
  return [];
}

function throwIfAny(violations: RuleViolation[]): void {
  if (violations.length > 0) throw new RuleViolations(violations);
}
