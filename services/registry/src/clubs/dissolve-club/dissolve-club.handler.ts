import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLUB_STREAM, ClubDissolvedV1, clubStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { decideEndMembership } from '../../memberships/domain/memberships';
import { membershipTable } from '../../memberships/membership.table';
import { decideOnMemberships } from '../../memberships/memberships-stream';
import { clubTable } from '../club.table';
import { decideDissolveClub, evolveClub, initialClubState } from '../domain/club';
import { DissolveClubCommand, DissolveClubResult } from './dissolve-club.command';

/** Why a membership ended when its club was dissolved. */
export const CLUB_DISSOLVED_REASON = 'club_dissolved';

@CommandHandler(DissolveClubCommand)
export class DissolveClubHandler implements ICommandHandler<DissolveClubCommand, DissolveClubResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ body, actor }: DissolveClubCommand): Promise<DissolveClubResult> {
    const { clubId, dissolvedOn } = body;
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const today = this.clock.today();
        // The club row locked: a join holds it shared, so every membership committed before is seen
        // below and none can begin once the dissolution is decided.
        await clubTable.find(client, clubId, 'update');
        const memberships = await membershipTable.ofClub(client, clubId);
        const outcome = await decideAndAppend(this.store, {
          streamId: clubStreamId(clubId),
          streamType: CLUB_STREAM,
          decider: { decide: decideDissolveClub, evolve: evolveClub, initialState: initialClubState },
          command: { clubId, dissolvedOn, reason: body.reason ?? null, memberships, today },
          client,
          metadata: commandMetadata(actor),
        });
        const dissolved = outcome.events[0].data as ClubDissolvedV1;
        await clubTable.dissolve(client, dissolved);
        const active = memberships.filter((m) => m.leftOn === null);
        for (const m of active) {
          const command = { memberId: m.memberId, clubId, leftOn: dissolvedOn, reason: CLUB_DISSOLVED_REASON, today };
          await decideOnMemberships(this.store, client, m.memberId, decideEndMembership, command, actor);
        }
        return { dissolvedOn, reason: dissolved.reason ?? null, endedMemberships: active.map((m) => m.memberId) };
      }),
    );
  }
}
