import { FUND_SOURCES, FundEvent, FundSource, IsoDate } from '@ishc/contracts';

// A club fund as a double-entry ledger. Every movement is one journal entry whose debits equal its credits:
//   contribution       Dr cash              Cr capital:<source>
//   loan disbursement  Dr loans_receivable  Cr cash
//   repayment          Dr cash              Cr loans_receivable (principal), Cr interest_income (interest)
//   write-off          Dr write_offs        Cr loans_receivable
// So cash + loans_receivable (the fund capital of ISHC.md §6) = contributions + interest − write-offs.

export type CapitalAccount = `capital:${FundSource}`;
export type Account = 'cash' | 'loans_receivable' | 'interest_income' | 'write_offs' | CapitalAccount;

export interface JournalLine {
  account: Account;
  side: 'debit' | 'credit';
  amountVnd: number;
}

export interface JournalEntry {
  on: IsoDate;
  memo: string;
  lines: JournalLine[];
}

/** Entries in the order they were recorded (their dates may be out of order). */
export interface FundLedger {
  entries: readonly JournalEntry[];
}

export const emptyLedger = (): FundLedger => ({ entries: [] });

export class UnbalancedEntryError extends Error {
  constructor(entry: JournalEntry) {
    super(`journal entry "${entry.memo}" on ${entry.on} does not balance`);
    this.name = 'UnbalancedEntryError';
  }
}

export function isBalancedEntry(entry: JournalEntry): boolean {
  const sum = (side: JournalLine['side']) => entry.lines.filter((l) => l.side === side).reduce((s, l) => s + l.amountVnd, 0);
  return entry.lines.every((l) => Number.isSafeInteger(l.amountVnd) && l.amountVnd >= 0) && sum('debit') === sum('credit');
}

/** Appends an entry; an entry whose debits differ from its credits is a programming error and throws. */
export function post(ledger: FundLedger, entry: JournalEntry): FundLedger {
  if (!isBalancedEntry(entry)) throw new UnbalancedEntryError(entry);
  return { entries: [...ledger.entries, entry] };
}

/** The journal entry a fund event records (none for opening the fund). */
export function journalEntryFor(event: FundEvent): JournalEntry | null {
  switch (event.type) {
    case 'FundOpened':
      return null;
    case 'FundContributionReceived':
      return entry(event.data.receivedOn, `contribution from ${event.data.source}`, ['cash', `capital:${event.data.source}`, event.data.amountVnd]);
    case 'FundLoanDisbursed':
      return entry(event.data.disbursedOn, `loan ${event.data.loanId} disbursed`, ['loans_receivable', 'cash', event.data.amountVnd]);
    case 'FundRepaymentReceived':
      return {
        on: event.data.receivedOn,
        memo: `repayment of loan ${event.data.loanId}`,
        lines: [
          { account: 'cash', side: 'debit', amountVnd: event.data.principalVnd + event.data.interestVnd },
          { account: 'loans_receivable', side: 'credit', amountVnd: event.data.principalVnd },
          { account: 'interest_income', side: 'credit', amountVnd: event.data.interestVnd },
        ],
      };
    case 'FundLoanWrittenOff':
      return entry(event.data.writtenOffOn, `loan ${event.data.loanId} written off`, ['write_offs', 'loans_receivable', event.data.principalVnd]);
  }
}

/** Each account's balance, debit minus credit, from the entries dated on or before `asOf` (all when omitted). */
export function balancesOn(ledger: FundLedger, asOf?: IsoDate): Record<Account, number> {
  const balances = Object.fromEntries(allAccounts().map((a) => [a, 0])) as Record<Account, number>;
  for (const e of ledger.entries) {
    if (asOf !== undefined && e.on > asOf) continue;
    for (const line of e.lines) balances[line.account] += line.side === 'debit' ? line.amountVnd : -line.amountVnd;
  }
  return balances;
}

/** Debits equal credits over the whole ledger (and so on every date). */
export function isBalanced(ledger: FundLedger, asOf?: IsoDate): boolean {
  return Object.values(balancesOn(ledger, asOf)).reduce((s, b) => s + b, 0) === 0;
}

export interface FundPosition {
  cashVnd: number;
  loansOutstandingVnd: number;
  /** cash + loans outstanding: income_fund_capital_vnd of ISHC.md §6. */
  capitalVnd: number;
  contributionsVnd: Record<FundSource, number>;
  interestIncomeVnd: number;
  writtenOffVnd: number;
}

/** The fund's position on `asOf` in natural signs (all when omitted). */
export function positionOn(ledger: FundLedger, asOf?: IsoDate): FundPosition {
  const b = balancesOn(ledger, asOf);
  return {
    cashVnd: b.cash,
    loansOutstandingVnd: b.loans_receivable,
    capitalVnd: b.cash + b.loans_receivable,
    contributionsVnd: Object.fromEntries(FUND_SOURCES.map((s) => [s, 0 - b[`capital:${s}`]])) as Record<FundSource, number>,
    interestIncomeVnd: 0 - b.interest_income,
    writtenOffVnd: b.write_offs,
  };
}

/**
 * The most cash that can leave the fund on `on` without the cash balance falling below zero on that day or
 * on any later date already recorded (entries may be recorded late, so later dates are checked too).
 */
export function cashAvailableFrom(ledger: FundLedger, on: IsoDate): number {
  const dates = [...new Set([on, ...ledger.entries.map((e) => e.on).filter((d) => d > on)])];
  return Math.min(...dates.map((d) => balancesOn(ledger, d).cash));
}

function entry(on: IsoDate, memo: string, [debit, credit, amountVnd]: [Account, Account, number]): JournalEntry {
  return { on, memo, lines: [ { account: debit, side: 'debit', amountVnd }, { account: credit, side: 'credit', amountVnd } ] };
}

function allAccounts(): Account[] {
  return ['cash', 'loans_receivable', 'interest_income', 'write_offs', ...FUND_SOURCES.map((s): CapitalAccount => `capital:${s}`)];
}
