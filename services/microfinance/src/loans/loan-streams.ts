import { FUND_STREAM, FundEvent, IsoDate, LOAN_STREAM, LoanEvent, fundStreamId, loanStreamId } from '@ishc/contracts';
import { EventMetadata, PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { RuleViolation } from '@ishc/domain-kit';
import { PoolClient } from 'pg';
import { evolveFund, initialFundState } from '../funds/domain/fund';
import { decideFundPosting, fundCommandFor } from '../funds/domain/loan-postings';
import { BorrowerContext, decideLoanOfBorrower } from './domain/borrower';
import { LoanCommand, LoanState, evolveLoan, initialLoanState } from './domain/loan';
import { loadBorrowerOfLoan } from './borrower-context';

/** The loan's state folded from its stream (the initial state when there is none). */
export async function readLoan(store: PostgresEventStore, loanId: string, client?: PoolClient): Promise<LoanState> {
  const stream = await store.readStream(loanStreamId(loanId), client ? { client } : undefined);
  return stream.events.reduce((s, e) => evolveLoan(s, { type: e.type, data: e.data } as LoanEvent), initialLoanState());
}

export interface LoanDecision {
  loanId: string;
  command: LoanCommand;
  context: BorrowerContext;
  client: PoolClient;
  metadata: Partial<EventMetadata>;
  today: IsoDate;
  /**
   * The loan's id was just made by this command (an application): its stream cannot exist yet, so it is
   * not read before the append (which still insists on `no_stream`).
   */
  newLoan?: boolean;
}

/**
 * Decides a loan command and the postings it asks of the club's income fund, and appends both streams'
 * events in the caller's transaction, each with its expected version: the loan's first, then the fund's.
 * A concurrent change of the fund (another loan disbursed meanwhile) makes the fund's posting be decided
 * again on the fresh ledger, so two disbursements that together exceed the cash cannot both commit; when
 * the fund refuses, the transaction rolls back and the loan's events with it.
 */
export async function decideLoanAndFund(store: PostgresEventStore, decision: LoanDecision): Promise<{ events: LoanEvent[]; state: LoanState; fundEvents: FundEvent[] }> {
  const { client, metadata, context } = decision;
  const loan = await decideAndAppend(store, {
    streamId: loanStreamId(decision.loanId),
    streamType: LOAN_STREAM,
    decider: { decide: (command: LoanCommand, state) => decideLoanOfBorrower(command, state, context), evolve: evolveLoan, initialState: initialLoanState },
    command: decision.command,
    client,
    metadata,
    newStream: decision.newLoan ?? false,
  });
  const fundEvents: FundEvent[] = [];
  for (const event of loan.events) {
    const posting = fundCommandFor(event, decision.today);
    if (posting === null) continue;
    const fund = await decideAndAppend(store, {
      streamId: fundStreamId(context.clubId, 'income'),
      streamType: FUND_STREAM,
      decider: { decide: decideFundPosting, evolve: evolveFund, initialState: initialFundState },
      command: posting,
      client,
      metadata,
    });
    fundEvents.push(...fund.events);
  }
  return { events: loan.events, state: loan.state, fundEvents };
}

/**
 * Decides a command on a loan that exists (its club and borrower from loan_detail), loan and fund in the
 * caller's transaction; an unknown loan is a 404.
 */
export async function decideOnLoan(
  store: PostgresEventStore,
  decision: Omit<LoanDecision, 'context'>,
): Promise<{ events: LoanEvent[]; state: LoanState; fundEvents: FundEvent[] }> {
  const context = await loadBorrowerOfLoan(decision.client, decision.loanId);
  if (!context) throw new RuleViolation('not_found', null, `loan ${decision.loanId} does not exist`);
  return decideLoanAndFund(store, { ...decision, context });
}
