import { FundEvent, IsoDate, LoanEvent } from '@ishc/contracts';
import { RuleViolation } from '@ishc/domain-kit';
import { FundCommand, FundState, decideFund } from './fund';

/**
 * What a loan's event asks of the club's income fund. The handler decides the loan command, then decides
 * these fund commands and appends both streams' events in one transaction, so a fund never lends money it
 * does not hold (DisburseFromFund is refused) and the ledger mirrors every repayment and write-off.
 */
export function fundCommandFor(event: LoanEvent, today: IsoDate): FundCommand | null {
  switch (event.type) {
    case 'LoanDisbursed':
      return { type: 'DisburseFromFund', loanId: event.data.loanId, amountVnd: event.data.principalVnd, disbursedOn: event.data.disbursedOn, today };
    case 'LoanRepaymentReceived':
      return {
        type: 'ReceiveRepayment',
        loanId: event.data.loanId,
        principalVnd: event.data.principalVnd,
        interestVnd: event.data.interestVnd,
        receivedOn: event.data.paidOn,
        today,
      };
    case 'LoanWrittenOff':
      return { type: 'WriteOffFromFund', loanId: event.data.loanId, principalVnd: event.data.principalVnd, writtenOffOn: event.data.writtenOffOn, today };
    case 'LoanApplied':
    case 'LoanApproved':
    case 'LoanRepaid':
      return null;
  }
}

/**
 * The fund's decision on a loan's posting. A loan without an open income fund to lend from conflicts with
 * the club's state (409: open the fund first), it is not an unknown resource.
 */
export function decideFundPosting(command: FundCommand, state: FundState): FundEvent[] {
  if (state.openedOn === null) throw new RuleViolation('conflict', null, `the club's income fund is not open: open it (and contribute to it) before lending`);
  return decideFund(command, state);
}
