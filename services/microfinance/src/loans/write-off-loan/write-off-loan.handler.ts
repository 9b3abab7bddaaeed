import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LoanWrittenOffV1 } from '@ishc/contracts';
import { PostgresEventStore } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { loanDetailTable } from '../loan-detail.table';
import { decideOnLoan } from '../loan-streams';
import { WriteOffLoanCommand } from './write-off-loan.command';

export interface LoanWrittenOff {
  id: string;
  status: 'written_off';
  writtenOffOn: string;
  /** The outstanding principal that left the fund's loans receivable. */
  principalVnd: number;
  /** Scheduled interest that will not be collected. */
  interestVnd: number;
}

/** Writes the loan off and its outstanding principal out of the income fund's receivables, in one transaction. */
@CommandHandler(WriteOffLoanCommand)
export class WriteOffLoanHandler implements ICommandHandler<WriteOffLoanCommand, LoanWrittenOff> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ loanId, body, actor }: WriteOffLoanCommand): Promise<LoanWrittenOff> {
    const today = this.clock.today();
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const { events } = await decideOnLoan(this.store, {
          loanId,
          command: { type: 'WriteOffLoan', loanId, writtenOffOn: body.writtenOffOn, reason: body.reason, today },
          client,
          metadata: commandMetadata(actor),
          today,
        });
        // The reason may name people: it stays here, not in the published event.
        await loanDetailTable.recordWriteOffReason(client, loanId, body.reason);
        const writtenOff = events[0].data as LoanWrittenOffV1;
        return { id: loanId, status: 'written_off' as const, writtenOffOn: writtenOff.writtenOffOn, principalVnd: writtenOff.principalVnd, interestVnd: writtenOff.interestVnd };
      }),
    );
  }
}
