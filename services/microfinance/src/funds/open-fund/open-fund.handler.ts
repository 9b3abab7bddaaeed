import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { FUND_STREAM, FundOpenedV1, fundStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { clubReplicaTable } from '../../replica/club-replica.table';
import { decideFundOfClub } from '../domain/club-lifetime';
import { FundCommand, evolveFund, initialFundState } from '../domain/fund';
import { OpenFundCommand } from './open-fund.command';

@CommandHandler(OpenFundCommand)
export class OpenFundHandler implements ICommandHandler<OpenFundCommand, FundOpenedV1> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ clubId, body, actor }: OpenFundCommand): Promise<FundOpenedV1> {
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const club = await clubReplicaTable.find(client, clubId);
        const outcome = await decideAndAppend(this.store, {
          streamId: fundStreamId(clubId, body.kind),
          streamType: FUND_STREAM,
          decider: { decide: (command: FundCommand, state) => decideFundOfClub(command, state, clubId, club), evolve: evolveFund, initialState: initialFundState },
          command: { type: 'OpenFund', clubId, kind: body.kind, openedOn: body.openedOn, today: this.clock.today() },
          client,
          metadata: commandMetadata(actor),
        });
        return { clubId, kind: body.kind, openedOn: outcome.state.openedOn ?? body.openedOn };
      }),
    );
  }
}
