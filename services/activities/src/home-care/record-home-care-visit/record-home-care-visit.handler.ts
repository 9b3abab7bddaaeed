import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { HOME_CARE_VISIT_STREAM, homeCareVisitStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { randomUUID } from 'node:crypto';
import { activityLogTable } from '../../activity-log/activity-log.table';
import { loadClubContext } from '../../clubs/club-context';
import { decideRecordHomeCareVisit, evolveHomeCareVisit, initialHomeCareVisitState } from '../domain/home-care-visit';
import { RecordHomeCareVisitCommand } from './record-home-care-visit.command';

@CommandHandler(RecordHomeCareVisitCommand)
export class RecordHomeCareVisitHandler implements ICommandHandler<RecordHomeCareVisitCommand, { id: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ body, actor }: RecordHomeCareVisitCommand): Promise<{ id: string }> {
    const visitId = randomUUID();
    const { clubId, volunteerId, beneficiaryId, visitedOn, services } = body;
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const context = await loadClubContext(client, clubId, [volunteerId, beneficiaryId]);
        const { events } = await decideAndAppend(this.store, {
          streamId: homeCareVisitStreamId(visitId),
          streamType: HOME_CARE_VISIT_STREAM,
          decider: { decide: decideRecordHomeCareVisit, evolve: evolveHomeCareVisit, initialState: initialHomeCareVisitState },
          command: { visitId, clubId, volunteerId, beneficiaryId, visitedOn, today: this.clock.today(), context },
          client,
          metadata: commandMetadata(actor),
        });
        // The services given describe the beneficiary's needs: activity log only, never the event.
        await activityLogTable.add(client, { recordId: visitId, clubId, kind: 'home_care_visit', on: visitedOn, record: events[0].data, details: { services }, subjectId: beneficiaryId });
        return { id: visitId };
      }),
    );
  }
}
