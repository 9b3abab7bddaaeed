import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLUB_STREAM, ClubEstablishedV1, clubStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { orgUnitTable } from '../../org-units/org-unit.table';
import { clubTable } from '../club.table';
import { decideEstablishClub, evolveClub, initialClubState } from '../domain/club';
import { EstablishClubCommand } from './establish-club.command';

@CommandHandler(EstablishClubCommand)
export class EstablishClubHandler implements ICommandHandler<EstablishClubCommand, ClubEstablishedV1> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ clubId, body, actor }: EstablishClubCommand): Promise<ClubEstablishedV1> {
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const hamletCode = body.hamletCode ?? null;
        const [commune, hamlet] = await Promise.all([
          orgUnitTable.find(client, body.communeCode),
          hamletCode ? orgUnitTable.find(client, hamletCode) : Promise.resolve(null),
        ]);
        const outcome = await decideAndAppend(this.store, {
          streamId: clubStreamId(clubId),
          streamType: CLUB_STREAM,
          decider: { decide: decideEstablishClub, evolve: evolveClub, initialState: initialClubState },
          command: { clubId, name: body.name, communeCode: body.communeCode, commune, hamletCode, hamlet, establishedOn: body.establishedOn, today: this.clock.today() },
          client,
          metadata: commandMetadata(actor),
          // The controller made the id just now: nothing to read before deciding.
          newStream: true,
        });
        const club = outcome.state.club as ClubEstablishedV1;
        await clubTable.insert(client, club);
        return club;
      }),
    );
  }
}
