import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LoanRepaymentReceivedV1 } from '@ishc/contracts';
import { PostgresEventStore } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { amountsOwed } from '../domain/loan';
import { decideOnLoan } from '../loan-streams';
import { RecordRepaymentCommand } from './record-repayment.command';

export interface RepaymentRecorded {
  id: string;
  /** `repaid` when this payment settled the whole schedule. */
  status: 'disbursed' | 'repaid';
  paidOn: string;
  amountVnd: number;
  /** The split (oldest instalment first, interest before principal); the interest is income of the fund. */
  principalVnd: number;
  interestVnd: number;
  /** Still owed by the schedule after this payment. */
  outstandingPrincipalVnd: number;
  outstandingInterestVnd: number;
}

/** Records a payment on the loan and books its split on the club's income fund, in one transaction. */
@CommandHandler(RecordRepaymentCommand)
export class RecordRepaymentHandler implements ICommandHandler<RecordRepaymentCommand, RepaymentRecorded> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ loanId, body, actor }: RecordRepaymentCommand): Promise<RepaymentRecorded> {
    const today = this.clock.today();
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const { events, state } = await decideOnLoan(this.store, {
          loanId,
          command: { type: 'RecordRepayment', loanId, amountVnd: body.amountVnd, paidOn: body.paidOn, today },
          client,
          metadata: commandMetadata(actor),
          today,
        });
        const received = events[0].data as LoanRepaymentReceivedV1;
        const owed = amountsOwed(state);
        return {
          id: loanId,
          status: state.status === 'repaid' ? ('repaid' as const) : ('disbursed' as const),
          paidOn: received.paidOn,
          amountVnd: received.amountVnd,
          principalVnd: received.principalVnd,
          interestVnd: received.interestVnd,
          outstandingPrincipalVnd: owed.principalVnd,
          outstandingInterestVnd: owed.interestVnd,
        };
      }),
    );
  }
}
