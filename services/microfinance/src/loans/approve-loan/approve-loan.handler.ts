import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { decideOnLoan } from '../loan-streams';
import { ApproveLoanCommand } from './approve-loan.command';

export interface LoanApproved {
  id: string;
  status: 'approved';
  approvedOn: string;
}

@CommandHandler(ApproveLoanCommand)
export class ApproveLoanHandler implements ICommandHandler<ApproveLoanCommand, LoanApproved> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ loanId, body, actor }: ApproveLoanCommand): Promise<LoanApproved> {
    const today = this.clock.today();
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        await decideOnLoan(this.store, { loanId, command: { type: 'ApproveLoan', loanId, approvedOn: body.approvedOn, today }, client, metadata: commandMetadata(actor), today });
        return { id: loanId, status: 'approved' as const, approvedOn: body.approvedOn };
      }),
    );
  }
}
