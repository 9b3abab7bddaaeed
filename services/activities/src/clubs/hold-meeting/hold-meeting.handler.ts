import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLUB_ACTIVITIES_STREAM, clubActivitiesStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { randomUUID } from 'node:crypto';
import { activityLogTable } from '../../activity-log/activity-log.table';
import { loadClubContext } from '../club-context';
import { ClubActivitiesCommand, decideClubActivities, evolveClubActivities, initialClubActivitiesState } from '../domain/club-activities';
import { HoldMeetingCommand } from './hold-meeting.command';

@CommandHandler(HoldMeetingCommand)
export class HoldMeetingHandler implements ICommandHandler<HoldMeetingCommand, { id: string }> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute({ clubId, body, actor }: HoldMeetingCommand): Promise<{ id: string }> {
    const meetingId = randomUUID();
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const context = await loadClubContext(client, clubId, body.attendeeIds);
        const { events } = await decideAndAppend(this.store, {
          streamId: clubActivitiesStreamId(clubId),
          streamType: CLUB_ACTIVITIES_STREAM,
          decider: {
            decide: (command: ClubActivitiesCommand, state) => decideClubActivities(command, state, context),
            evolve: evolveClubActivities,
            initialState: initialClubActivitiesState,
          },
          command: { type: 'HoldMonthlyMeeting', meetingId, clubId, ...body, today: this.clock.today() },
          client,
          metadata: commandMetadata(actor),
        });
        await activityLogTable.add(client, { recordId: meetingId, clubId, kind: 'meeting', on: body.heldOn, record: events[0].data, details: null, subjectId: null });
        return { id: meetingId };
      }),
    );
  }
}
