import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { ClubActivitiesEvent, ClubContext, ClubActivitiesState, HoldMonthlyMeeting, KnownMember, decideClubActivities, evolveClubActivities, initialClubActivitiesState } from './club-activities';

const club = { clubId: 'c1', establishedOn: '2021-06-01', dissolvedOn: '2026-01-01' };
const member = (joinedOn: string, leftOn: string | null = null, diedOn: string | null = null, clubId = 'c1'): KnownMember => ({ diedOn, memberships: [{ clubId, joinedOn, leftOn, roles: [{ since: joinedOn, roles: ['member'] }] }] });
const context = (members: Record<string, KnownMember> = { m1: member('2021-06-01'), m2: member('2022-01-01') }): ClubContext => ({ club, members: new Map(Object.entries(members)) });
const meeting = (heldOn: string, overrides: Partial<HoldMonthlyMeeting> = {}): HoldMonthlyMeeting => ({
  type: 'HoldMonthlyMeeting',
  meetingId: 'mt1',
  clubId: 'c1',
  heldOn,
  attendeeIds: ['m1', 'm2'],
  areas: ['health'],
  topics: ['blood pressure'],
  extra: false,
  today: '2025-06-30',
  ...overrides,
});
const given = (...events: ClubActivitiesEvent[]): ClubActivitiesState => events.reduce(evolveClubActivities, initialClubActivitiesState());
const held = (heldOn: string, extra = false): ClubActivitiesEvent => ({
  type: 'MonthlyMeetingHeld',
  data: { meetingId: `mt-${heldOn}`, clubId: 'c1', heldOn, attendeeIds: ['m1'], areas: [], topics: [], extra },
});
const failure = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolations) return error.violations.map((v) => `${v.kind}:${v.field}`);
    if (error instanceof RuleViolation) return [`${error.kind}:${error.field}`];
    throw error;
  }
  return [];
};

describe('a club’s monthly meeting', () => {
  it('given no meeting this month, when the club meets, then MonthlyMeetingHeld with its attendees, areas and topics', () => {
    expect(decideClubActivities(meeting('2025-03-15'), given(), context())).toEqual([
      { type: 'MonthlyMeetingHeld', data: { meetingId: 'mt1', clubId: 'c1', heldOn: '2025-03-15', attendeeIds: ['m1', 'm2'], areas: ['health'], topics: ['blood pressure'], extra: false } },
    ]);
  });

  it('given a meeting this month, then a second one is a conflict unless it is marked extra', () => {
    const state = given(held('2025-03-01'));
    expect(() => decideClubActivities(meeting('2025-03-31'), state, context())).toThrow(/already held its meeting of 2025-03.*extra/);
    expect(failure(() => decideClubActivities(meeting('2025-03-31'), state, context()))).toEqual(['conflict:null']);
    expect(decideClubActivities(meeting('2025-03-31', { extra: true }), state, context())[0].data).toMatchObject({ extra: true });
    expect(decideClubActivities(meeting('2025-04-01'), state, context())).toHaveLength(1);
    expect(decideClubActivities(meeting('2024-03-01'), state, context())).toHaveLength(1);
  });

  it('given an extra meeting only, then the month already has its meeting', () => {
    expect(failure(() => decideClubActivities(meeting('2025-03-20'), given(held('2025-03-02', true)), context()))).toEqual(['conflict:null']);
  });

  it('given the club is not known yet, then a conflict the client may retry', () => {
    expect(() => decideClubActivities(meeting('2025-03-15'), given(), { ...context(), club: null })).toThrow(/club c1 is not known to activities yet.*retry/);
  });

  it('given an attendee the replica has not seen, then a conflict naming the attendee the client may retry', () => {
    const unseen = context({ m1: member('2021-06-01') });
    expect(() => decideClubActivities(meeting('2025-03-15'), given(), unseen)).toThrow(/member m2 \(attendeeIds\.1\) is not known to activities yet.*retry/);
    expect(failure(() => decideClubActivities(meeting('2025-03-15'), given(), unseen))).toEqual(['conflict:null']);
  });

  it('names heldOn in the future, before the establishment, or on/after the dissolution', () => {
    expect(failure(() => decideClubActivities(meeting('2025-07-01'), given(), context()))).toEqual(['invalid:heldOn']);
    expect(failure(() => decideClubActivities(meeting('2021-05-31', { attendeeIds: [] }), given(), context()))).toEqual(['invalid:heldOn']);
    const later = { ...meeting('2026-01-01'), today: '2026-02-01' };
    expect(failure(() => decideClubActivities(later, given(), context()))).toEqual(['invalid:heldOn']);
    expect(decideClubActivities({ ...meeting('2025-12-31'), today: '2026-02-01' }, given(), context())).toHaveLength(1);
    expect(decideClubActivities(meeting('2025-06-30'), given(), context())).toHaveLength(1);
  });

  it('names each attendee who is not a member of the club on heldOn: not yet joined, left, dead, or of another club', () => {
    const members = {
      early: member('2021-06-01'),
      notYet: member('2025-03-16'),
      left: member('2021-06-01', '2025-03-15'),
      dead: member('2021-06-01', '2025-03-15', '2025-03-15'),
      other: member('2021-06-01', null, null, 'c2'),
      stillIn: member('2021-06-01', '2025-03-16'),
    };
    const command = meeting('2025-03-15', { attendeeIds: Object.keys(members) });
    expect(failure(() => decideClubActivities(command, given(), context(members)))).toEqual([
      'invalid:attendeeIds.1',
      'invalid:attendeeIds.2',
      'invalid:attendeeIds.3',
      'invalid:attendeeIds.4',
    ]);
    expect(failure(() => decideClubActivities({ ...command, heldOn: '2099-01-01' }, given(), context(members)))).toContain('invalid:heldOn');
  });

  it('counts a member who rejoined the club again from the new joining day', () => {
    const rejoined: KnownMember = {
      diedOn: null,
      memberships: [
        { clubId: 'c1', joinedOn: '2021-06-01', leftOn: '2023-01-01', roles: [] },
        { clubId: 'c1', joinedOn: '2024-01-01', leftOn: null, roles: [] },
      ],
    };
    const ctx = context({ r: rejoined });
    expect(failure(() => decideClubActivities(meeting('2023-06-01', { attendeeIds: ['r'] }), given(), ctx))).toEqual(['invalid:attendeeIds.0']);
    expect(decideClubActivities(meeting('2024-06-01', { attendeeIds: ['r'] }), given(), ctx)).toHaveLength(1);
  });
});

describe('an activity session', () => {
  const session = (heldOn: string, participantIds = ['m1']) => ({
    type: 'HoldActivitySession' as const,
    sessionId: 's1',
    clubId: 'c1',
    area: 'culture' as const,
    heldOn,
    participantIds,
    title: null,
    today: '2025-06-30',
  });

  it('given meetings and sessions this month, then a session is held on any day (no monthly limit)', () => {
    const state = given(held('2025-03-01'));
    expect(decideClubActivities(session('2025-03-02'), state, context())).toEqual([
      { type: 'ActivitySessionHeld', data: { sessionId: 's1', clubId: 'c1', area: 'culture', heldOn: '2025-03-02', participantIds: ['m1'], title: null } },
    ]);
    const after = evolveClubActivities(state, decideClubActivities(session('2025-03-02'), state, context())[0]);
    expect(after).toEqual(state);
  });

  it('names participants who are not members on heldOn and heldOn outside the lifetime, together', () => {
    expect(failure(() => decideClubActivities(session('2021-12-31', ['m1', 'm2']), given(), context()))).toEqual(['invalid:participantIds.1']);
    expect(failure(() => decideClubActivities(session('2021-05-01', ['m2']), given(), context())).sort()).toEqual(['invalid:heldOn', 'invalid:participantIds.0']);
    expect(() => decideClubActivities(session('2025-03-01', ['x']), given(), context())).toThrow(/member x \(participantIds\.0\) is not known/);
  });
});
