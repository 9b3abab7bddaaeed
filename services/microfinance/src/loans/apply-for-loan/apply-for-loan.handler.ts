import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { randomUUID } from 'node:crypto';
import { loanDetailTable } from '../loan-detail.table';
import { loadBorrowerContext } from '../borrower-context';
import { decideLoanAndFund } from '../loan-streams';
import { ApplyForLoanCommand } from './apply-for-loan.command';

export interface LoanApplied {
  id: string;
  status: 'applied';
}

@CommandHandler(ApplyForLoanCommand)
export class ApplyForLoanHandler implements ICommandHandler<ApplyForLoanCommand, LoanApplied> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ body, actor }: ApplyForLoanCommand): Promise<LoanApplied> {
    const loanId = randomUUID();
    const today = this.clock.today();
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const context = await loadBorrowerContext(client, body.clubId, body.memberId);
        await decideLoanAndFund(this.store, {
          loanId,
          command: { type: 'ApplyForLoan', loanId, ...body, today },
          context,
          // A fresh id: the loan's stream is made by this application.
          newLoan: true,
          client,
          metadata: commandMetadata(actor),
          today,
        });
        // The purpose may name people: it stays here, not in the published event.
        await loanDetailTable.insert(client, { loanId, clubId: body.clubId, memberId: body.memberId, appliedOn: body.appliedOn, purpose: body.purpose });
        return { id: loanId, status: 'applied' as const };
      }),
    );
  }
}
