import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLUB_STREAM, ClubReassignedV1, clubStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { orgUnitTable } from '../../org-units/org-unit.table';
import { clubCommuneOn } from '../club-commune';
import { clubTable } from '../club.table';
import { decideReassignClub, evolveClub, initialClubState } from '../domain/club';
import { ReassignClubCommand, ReassignClubResult } from './reassign-club.command';

const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

@CommandHandler(ReassignClubCommand)
export class ReassignClubHandler implements ICommandHandler<ReassignClubCommand, ReassignClubResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ body, actor }: ReassignClubCommand): Promise<ReassignClubResult> {
    const { clubId, effectiveOn } = body;
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const hamletCode = body.hamletCode ?? null;
        await clubTable.find(client, clubId, 'update');
        // The club's commune the day before, with the communes that succeeded it whole since then: a
        // partial succession out of any of them allows the reassignment.
        const { chain } = await clubCommuneOn(client, clubId, dayBefore(effectiveOn));
        const whole = await orgUnitTable.wholeChain(client, chain[chain.length - 1], effectiveOn);
        const [commune, hamlet, partialSuccessions] = await Promise.all([
          orgUnitTable.find(client, body.communeCode),
          hamletCode ? orgUnitTable.find(client, hamletCode) : Promise.resolve(null),
          orgUnitTable.partialSuccessionsFrom(client, [...new Set([...chain, ...whole])], effectiveOn),
        ]);
        const outcome = await decideAndAppend(this.store, {
          streamId: clubStreamId(clubId),
          streamType: CLUB_STREAM,
          decider: { decide: decideReassignClub, evolve: evolveClub, initialState: initialClubState },
          command: { clubId, communeCode: body.communeCode, commune, hamletCode, hamlet, effectiveOn, partialSuccessions, today: this.clock.today() },
          client,
          metadata: commandMetadata(actor),
        });
        const reassigned = outcome.events[0].data as ClubReassignedV1;
        await clubTable.reassign(client, reassigned);
        return reassigned;
      }),
    );
  }
}
