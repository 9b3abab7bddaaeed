import { ActivityArea, ClubActivitiesEvent, IsoDate } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { isIsoDate, monthOf } from '../../shared/iso-date';

export type { ClubActivitiesEvent };

/** A club's lifetime as activities' replica of the registry knows it. */
export interface ClubLifetime {
  clubId: string;
  establishedOn: IsoDate;
  /** The first day the club no longer exists (null while it does). */
  dissolvedOn: IsoDate | null;
}

/** A member as the replica knows it: memberships (`leftOn` exclusive) and the day of death. */
export interface KnownMember {
  diedOn: IsoDate | null;
  memberships: readonly { clubId: string; joinedOn: IsoDate; leftOn: IsoDate | null }[];
}

/** What the replica knows of the club and of the people named by the command (an id not seen is absent). */
export interface ClubContext {
  club: ClubLifetime | null;
  members: ReadonlyMap<string, KnownMember>;
}

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

/** True when the person is a member of the club on `on` (joined on or before it, not yet left, alive). */
export function isMemberOn(member: KnownMember, clubId: string, on: IsoDate): boolean {
  if (member.diedOn !== null && on >= member.diedOn) return false;
  return member.memberships.some((m) => m.clubId === clubId && m.joinedOn <= on && (m.leftOn === null || on < m.leftOn));
}

/**
 * The rules of a club's meetings and sessions, in order: a club or a person the replica has not seen yet is a
 * conflict the client may retry (the registry's event may still be on its way); then `heldOn` within the
 * club's lifetime and not in the future, and every attendee (participant) a member of the club on that day,
 * all invalid fields reported together (`attendeeIds.N`); then at most one meeting per calendar month unless
 * it is marked `extra` (a conflict). Sessions have no per-month limit.
 */
export function decideClubActivities(command: ClubActivitiesCommand, state: ClubActivitiesState, context: ClubContext): ClubActivitiesEvent[] {
  const { club } = context;
  if (club === null) {
    throw new RuleViolation('conflict', null, `club ${command.clubId} is not known to activities yet (the registry's event may still be on its way); retry shortly`);
  }
  const [field, memberIds] = command.type === 'HoldMonthlyMeeting' ? ['attendeeIds', command.attendeeIds] : ['participantIds', command.participantIds];
  const unknown = memberIds.flatMap((id, i) => (context.members.has(id) ? [] : [`${id} (${field}.${i})`]));
  if (unknown.length > 0) {
    throw new RuleViolation('conflict', null, `member ${unknown.join(', ')} is not known to activities yet (the registry's event may still be on its way); retry shortly`);
  }
  const violations = [...heldOnViolations(command, club), ...attendanceViolations(field, memberIds, command, context)];
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

function heldOnViolations(command: ClubActivitiesCommand, club: ClubLifetime): RuleViolation[] {
  const on = command.heldOn;
  if (!isIsoDate(on)) return [new RuleViolation('invalid', 'heldOn', 'must be a date (YYYY-MM-DD)')];
  if (on > command.today) return [new RuleViolation('invalid', 'heldOn', `must not be in the future (today is ${command.today})`)];
  if (on < club.establishedOn) return [new RuleViolation('invalid', 'heldOn', `must not be before the club was established (${club.establishedOn})`)];
  if (club.dissolvedOn !== null && on >= club.dissolvedOn) return [new RuleViolation('invalid', 'heldOn', `must be before the club was dissolved (${club.dissolvedOn})`)];
  return [];
}

function attendanceViolations(field: string, memberIds: readonly string[], command: ClubActivitiesCommand, context: ClubContext): RuleViolation[] {
  if (!isIsoDate(command.heldOn)) return [];
  return memberIds.flatMap((id, i) => {
    const member = context.members.get(id);
    if (member && isMemberOn(member, command.clubId, command.heldOn)) return [];
    return [new RuleViolation('invalid', `${field}.${i}`, `${id} is not a member of the club on ${command.heldOn}`)];
  });
}
