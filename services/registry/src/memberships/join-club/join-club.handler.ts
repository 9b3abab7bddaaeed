import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { PostgresEventStore } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, withRuleProblems } from '@ishc/platform';
import { clubTable } from '../../clubs/club.table';
import { Membership, decideJoinClub } from '../domain/memberships';
import { decideOnMemberships } from '../memberships-stream';
import { JoinClubCommand } from './join-club.command';

@CommandHandler(JoinClubCommand)
export class JoinClubHandler implements ICommandHandler<JoinClubCommand, Membership> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ body, actor }: JoinClubCommand): Promise<Membership> {
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        // Shared lock on the club row: a dissolution deciding meanwhile waits for this join (and sees it).
        const club = await clubTable.find(client, body.clubId, 'share');
        const { state } = await decideOnMemberships(
          this.store,
          client,
          body.memberId,
          decideJoinClub,
          {
            memberId: body.memberId,
            clubId: body.clubId,
            club: club && { establishedOn: club.establishedOn, dissolvedOn: club.dissolvedOn },
            joinedOn: body.joinedOn,
            roles: body.roles ?? [],
            today: this.clock.today(),
          },
          actor,
        );
        return state.memberships.find((m) => m.clubId === body.clubId && m.leftOn === null) as Membership;
      }),
    );
  }
}
