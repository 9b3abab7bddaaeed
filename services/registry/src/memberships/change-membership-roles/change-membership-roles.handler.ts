import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, withRuleProblems } from '@ishc/platform';
import { Membership, decideChangeMembershipRoles } from '../domain/memberships';
import { decideOnMemberships } from '../memberships-stream';
import { ChangeMembershipRolesCommand } from './change-membership-roles.command';

@CommandHandler(ChangeMembershipRolesCommand)
export class ChangeMembershipRolesHandler implements ICommandHandler<ChangeMembershipRolesCommand, Membership> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ body, actor }: ChangeMembershipRolesCommand): Promise<Membership> {
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const { state } = await decideOnMemberships(
          this.store,
          client,
          body.memberId,
          decideChangeMembershipRoles,
          { memberId: body.memberId, clubId: body.clubId, roles: body.roles, effectiveOn: body.effectiveOn, today: this.clock.today() },
          actor,
        );
        return state.memberships.find((m) => m.clubId === body.clubId && m.leftOn === null) as Membership;
      }),
    );
  }
}
