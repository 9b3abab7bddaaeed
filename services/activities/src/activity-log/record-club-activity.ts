import { Inject, Injectable } from '@nestjs/common';
import { IsoDate } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Actor, Clock, EVENT_STORE, UnitOfWork, commandMetadata, withRuleProblems } from '@ishc/platform';
import { loadClubContext } from '../clubs/club-context';
import { ClubContext } from '../clubs/domain/club-activities';
import { ActivityLogEntry, activityLogTable } from './activity-log.table';

/** What one activity record is: its stream, its rule, and the entry it adds to the club's log. */
export interface ClubActivity<State, Event extends { type: string; data: object }> {
  /** The record's id (made by the handler): the answer's `id` and the log entry's. */
  recordId: string;
  clubId: string;
  /** The people the record names, read from the replica with the club. */
  memberIds: readonly string[];
  streamId: string;
  streamType: string;
  /**
   * The stream is the record's own, under the fresh `recordId`: it cannot exist yet, so it is not read
   * before the append (which still insists on `no_stream`). False for a stream the club's records share.
   */
  newStream: boolean;
  /** The rule: the record's events given the stream's state, what the replica knows and today's date. */
  decide(state: State, context: ClubContext, today: IsoDate): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
  /** The log entry's own part (the event's data and the ids are added here). */
  logEntry: Pick<ActivityLogEntry, 'kind' | 'on' | 'details' | 'subjectId'>;
  actor: Actor;
}

/**
 * Every way of recording a club activity (meeting, session, health check, home-care visit, self-help case)
 * takes the same steps, and they must stay the same for all of them: in one transaction, read what the
 * replica knows of the club and the people named, decide on the stream and append with its expected
 * version, add the record to the club's activity log (so the log and the events never disagree); rule
 * violations become 4xx. Written once here, so each use case says only what differs: its stream, its rule
 * and its log entry.
 */
@Injectable()
export class ClubActivityRecorder {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  record<State, Event extends { type: string; data: object }>(activity: ClubActivity<State, Event>): Promise<{ id: string }> {
    const { recordId, clubId } = activity;
    return withRuleProblems(() =>
      this.unitOfWork.run(async (client) => {
        const context = await loadClubContext(client, clubId, activity.memberIds);
        const today = this.clock.today();
        const { events } = await decideAndAppend(this.store, {
          streamId: activity.streamId,
          streamType: activity.streamType,
          // The command is the replica's context: the use case's rule closes over its own fields.
          decider: { decide: (c: ClubContext, state: State) => activity.decide(state, c, today), evolve: activity.evolve, initialState: activity.initialState },
          command: context,
          client,
          metadata: commandMetadata(activity.actor),
          newStream: activity.newStream,
        });
        await activityLogTable.add(client, { recordId, clubId, ...activity.logEntry, record: events[0].data });
        return { id: recordId };
      }),
    );
  }
}
