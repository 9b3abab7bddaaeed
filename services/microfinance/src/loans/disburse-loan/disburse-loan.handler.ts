import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ScheduledInstalmentV1 } from '@ishc/contracts';
import { PostgresEventStore } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { decideOnLoan } from '../loan-streams';
import { DisburseLoanCommand } from './disburse-loan.command';

export interface LoanDisbursed {
  id: string;
  status: 'disbursed';
  disbursedOn: string;
  principalVnd: number;
  /** Fixed now: instalment i due i calendar months after disbursement. */
  schedule: ScheduledInstalmentV1[];
}

/**
 * Disburses the loan and draws its principal from the club's income fund in one transaction, both streams
 * appended with their expected versions (loan-streams.ts): the fund's cash never goes negative, also when
 * two disbursements race (one is decided again on the other's ledger and refused if the cash is gone).
 */
@CommandHandler(DisburseLoanCommand)
export class DisburseLoanHandler implements ICommandHandler<DisburseLoanCommand, LoanDisbursed> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ loanId, body, actor }: DisburseLoanCommand): Promise<LoanDisbursed> {
    const today = this.clock.today();
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const { state } = await decideOnLoan(this.store, {
          loanId,
          command: { type: 'DisburseLoan', loanId, disbursedOn: body.disbursedOn, today },
          client,
          metadata: commandMetadata(actor),
          today,
        });
        return { id: loanId, status: 'disbursed' as const, disbursedOn: body.disbursedOn, principalVnd: state.application?.principalVnd ?? 0, schedule: state.schedule };
      }),
    );
  }
}
