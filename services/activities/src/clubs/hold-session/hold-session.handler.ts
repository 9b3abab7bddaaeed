import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLUB_ACTIVITIES_STREAM, clubActivitiesStreamId } from '@ishc/contracts';
import { randomUUID } from 'node:crypto';
import { ClubActivityRecorder } from '../../activity-log/record-club-activity';
import { decideClubActivities, evolveClubActivities, initialClubActivitiesState } from '../domain/club-activities';
import { HoldSessionCommand } from './hold-session.command';

@CommandHandler(HoldSessionCommand)
export class HoldSessionHandler implements ICommandHandler<HoldSessionCommand, { id: string }> {
  constructor(private readonly recorder: ClubActivityRecorder) {}

  execute({ clubId, body, actor }: HoldSessionCommand): Promise<{ id: string }> {
    const sessionId = randomUUID();
    return this.recorder.record({
      recordId: sessionId,
      clubId,
      memberIds: body.participantIds,
      // Sessions share the club's activities stream with its meetings.
      streamId: clubActivitiesStreamId(clubId),
      streamType: CLUB_ACTIVITIES_STREAM,
      newStream: false,
      decide: (state, context, today) =>
        decideClubActivities({ type: 'HoldActivitySession', sessionId, clubId, ...body, title: body.title ?? null, today }, state, context),
      evolve: evolveClubActivities,
      initialState: initialClubActivitiesState,
      logEntry: { kind: 'session', on: body.heldOn, details: null, subjectId: null },
      actor,
    });
  }
}
