import { IsoDate, LoanEvent } from '@ishc/contracts';
import { FundCommand } from './fund';

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
