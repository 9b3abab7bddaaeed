import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, withRuleProblems } from '@ishc/platform';
import { Membership, decideEndMembership } from '../domain/memberships';
import { decideOnMemberships } from '../memberships-stream';
import { EndMembershipCommand } from './end-membership.command';

@CommandHandler(EndMembershipCommand)
export class EndMembershipHandler implements ICommandHandler<EndMembershipCommand, Membership> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ body, actor }: EndMembershipCommand): Promise<Membership> {
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const { state } = await decideOnMemberships(
          this.store,
          client,
          body.memberId,
          decideEndMembership,
          { memberId: body.memberId, clubId: body.clubId, leftOn: body.leftOn, reason: body.reason ?? null, today: this.clock.today() },
          actor,
        );
        const ended = state.memberships.filter((m) => m.clubId === body.clubId);
        return ended[ended.length - 1];
      }),
    );
  }
}
