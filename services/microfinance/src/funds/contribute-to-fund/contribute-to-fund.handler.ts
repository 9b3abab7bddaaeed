import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FUND_STREAM, FundContributionReceivedV1, fundStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { clubReplicaTable } from '../../replica/club-replica.table';
import { decideFundOfClub } from '../domain/club-lifetime';
import { FundCommand, evolveFund, initialFundState } from '../domain/fund';
import { ContributeToFundCommand } from './contribute-to-fund.command';

@CommandHandler(ContributeToFundCommand)
export class ContributeToFundHandler implements ICommandHandler<ContributeToFundCommand, FundContributionReceivedV1> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ clubId, kind, body, actor }: ContributeToFundCommand): Promise<FundContributionReceivedV1> {
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const club = await clubReplicaTable.find(client, clubId);
        const outcome = await decideAndAppend(this.store, {
          streamId: fundStreamId(clubId, kind),
          streamType: FUND_STREAM,
          decider: { decide: (command: FundCommand, state) => decideFundOfClub(command, state, clubId, club), evolve: evolveFund, initialState: initialFundState },
          command: { type: 'Contribute', amountVnd: body.amountVnd, source: body.source, receivedOn: body.receivedOn, today: this.clock.today() },
          client,
          metadata: commandMetadata(actor),
        });
        return outcome.events[0].data as FundContributionReceivedV1;
      }),
    );
  }
}
