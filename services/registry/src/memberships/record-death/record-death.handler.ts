import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, withRuleProblems } from '@ishc/platform';
import { MembershipsEvent, decideRecordDeath } from '../domain/memberships';
import { decideOnMemberships } from '../memberships-stream';
import { RecordDeathCommand } from './record-death.command';

@CommandHandler(RecordDeathCommand)
export class RecordDeathHandler implements ICommandHandler<RecordDeathCommand, MembershipsEvent[]> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ body, actor }: RecordDeathCommand): Promise<MembershipsEvent[]> {
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const { events } = await decideOnMemberships(this.store, client, body.memberId, decideRecordDeath, { memberId: body.memberId, diedOn: body.diedOn, today: this.clock.today() }, actor);
        return events;
      }),
    );
  }
}
