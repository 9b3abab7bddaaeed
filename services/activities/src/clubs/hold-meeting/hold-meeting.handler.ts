import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLUB_ACTIVITIES_STREAM, clubActivitiesStreamId } from '@ishc/contracts';
import { randomUUID } from 'node:crypto';
import { ClubActivityRecorder } from '../../activity-log/record-club-activity';
import { decideClubActivities, evolveClubActivities, initialClubActivitiesState } from '../domain/club-activities';
import { HoldMeetingCommand } from './hold-meeting.command';

@CommandHandler(HoldMeetingCommand)
export class HoldMeetingHandler implements ICommandHandler<HoldMeetingCommand, { id: string }> {
  constructor(private readonly recorder: ClubActivityRecorder) {}

  execute({ clubId, body, actor }: HoldMeetingCommand): Promise<{ id: string }> {
    const meetingId = randomUUID();
    return this.recorder.record({
      recordId: meetingId,
      clubId,
      memberIds: body.attendeeIds,
      // The club's meetings share a stream: "one meeting a month" holds by its expected version.
      streamId: clubActivitiesStreamId(clubId),
      streamType: CLUB_ACTIVITIES_STREAM,
      newStream: false,
      decide: (state, context, today) => decideClubActivities({ type: 'HoldMonthlyMeeting', meetingId, clubId, ...body, today }, state, context),
      evolve: evolveClubActivities,
      initialState: initialClubActivitiesState,
      logEntry: { kind: 'meeting', on: body.heldOn, details: null, subjectId: null },
      actor,
    });
  }
}
