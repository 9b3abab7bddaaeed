import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { HOME_CARE_VISIT_STREAM, homeCareVisitStreamId } from '@ishc/contracts';
import { randomUUID } from 'node:crypto';
import { ClubActivityRecorder } from '../../activity-log/record-club-activity';
import { decideRecordHomeCareVisit, evolveHomeCareVisit, initialHomeCareVisitState } from '../domain/home-care-visit';
import { RecordHomeCareVisitCommand } from './record-home-care-visit.command';

@CommandHandler(RecordHomeCareVisitCommand)
export class RecordHomeCareVisitHandler implements ICommandHandler<RecordHomeCareVisitCommand, { id: string }> {
  constructor(private readonly recorder: ClubActivityRecorder) {}

  execute({ body, actor }: RecordHomeCareVisitCommand): Promise<{ id: string }> {
    const visitId = randomUUID();
    const { clubId, volunteerId, beneficiaryId, visitedOn, services } = body;
    return this.recorder.record({
      recordId: visitId,
      clubId,
      memberIds: [volunteerId, beneficiaryId],
      streamId: homeCareVisitStreamId(visitId),
      streamType: HOME_CARE_VISIT_STREAM,
      newStream: true,
      decide: (state, context, today) => decideRecordHomeCareVisit({ visitId, clubId, volunteerId, beneficiaryId, visitedOn, today, context }, state),
      evolve: evolveHomeCareVisit,
      initialState: initialHomeCareVisitState,
      // The services given describe the beneficiary's needs: activity log only, never the event.
      logEntry: { kind: 'home_care_visit', on: visitedOn, details: { services }, subjectId: beneficiaryId },
      actor,
    });
  }
}
