import { ActivityArea, ClubActivitiesEvent, IsoDate } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { monthOf } from '../../shared/iso-date';
import { ClubContext, assertKnown, dateViolations, membershipViolations, namedList } from './club-context';

export type { ClubActivitiesEvent };
export type { ClubContext, ClubLifetime, KnownMember } from './club-context';

export interface ClubActivitiesState {
  /** Meetings held per calendar month (`YYYY-MM`). */
  meetingsByMonth: Record<string, number>;
}

export const initialClubActivitiesState = (): ClubActivitiesState => ({ meetingsByMonth: {} });

export function evolveClubActivities(state: ClubActivitiesState, event: ClubActivitiesEvent): ClubActivitiesState {
  switch (event.type) {
    case 'MonthlyMeetingHeld': {
      const month = monthOf(event.data.heldOn);
      return { ...state, meetingsByMonth: { ...state.meetingsByMonth, [month]: (state.meetingsByMonth[month] ?? 0) + 1 } };
    }
    case 'ActivitySessionHeld':
      return state;
  }
}

export interface HoldMonthlyMeeting {
  type: 'HoldMonthlyMeeting';
  meetingId: string;
  clubId: string;
  heldOn: IsoDate;
  attendeeIds: string[];
  areas: ActivityArea[];
  topics: string[];
  extra: boolean;
  today: IsoDate;
}

export interface HoldActivitySession {
  type: 'HoldActivitySession';
  sessionId: string;
  clubId: string;
  area: ActivityArea;
  heldOn: IsoDate;
  participantIds: string[];
  title: string | null;
  today: IsoDate;
}

export type ClubActivitiesCommand = HoldMonthlyMeeting | HoldActivitySession;

/**
 * The rules of a club's meetings and sessions, in order: a club or a person the replica has not seen yet is a
 * conflict the client may retry (the registry's event may still be on its way); then `heldOn` within the
 * club's lifetime and not in the future, and every attendee (participant) a member of the club on that day,
 * all invalid fields reported together (`attendeeIds.N`); then at most one meeting per calendar month unless
 * it is marked `extra` (a conflict). Sessions have no per-month limit.
 */
export function decideClubActivities(command: ClubActivitiesCommand, state: ClubActivitiesState, context: ClubContext): ClubActivitiesEvent[] {
  const people = command.type === 'HoldMonthlyMeeting' ? namedList('attendeeIds', command.attendeeIds) : namedList('participantIds', command.participantIds);
  assertKnown(context, command.clubId, people);
  const violations = [...dateViolations('heldOn', command.heldOn, command.today, context.club), ...membershipViolations(people, context, command.clubId, command.heldOn)];
  if (violations.length > 0) throw new RuleViolations(violations);
  switch (command.type) {
    case 'HoldMonthlyMeeting': {
      const month = monthOf(command.heldOn);
      if (!command.extra && (state.meetingsByMonth[month] ?? 0) > 0) {
        throw new RuleViolation('conflict', null, `the club already held its meeting of ${month}; send "extra": true to record an additional one`);
      }
      const { meetingId, clubId, heldOn, attendeeIds, areas, topics, extra } = command;
      return [{ type: 'MonthlyMeetingHeld', data: { meetingId, clubId, heldOn, attendeeIds, areas, topics, extra } }];
    }
    case 'HoldActivitySession': {
      const { sessionId, clubId, area, heldOn, participantIds, title } = command;
      return [{ type: 'ActivitySessionHeld', data: { sessionId, clubId, area, heldOn, participantIds, title } }];
    }
  }
}
