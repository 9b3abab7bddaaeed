// The demo's meetings and activity sessions, from July 2024 to December 2025: a meeting on the 15th of
// every month, a session in each of the 8 areas in the first year (one a month), and from April 2025 each
// meeting taking up an area in turn, so that the trailing year of either date the demo is read on (mid and
// end of 2025) covers every area. Attendees are the members of that day. Pure: demo-data writes it.
import { DEMO_AS_OF, DEMO_END, addDays, addMonths, minDate, monthsBetween } from './demo-dates';

/** ISHC.md §4: the 8 activity areas. */
export const ACTIVITY_AREAS = ['livelihood', 'health', 'home_care', 'self_help', 'rights', 'learning', 'culture', 'resources'] as const;

/** A monthly meeting; attendees are positions in the club's `members`; `areas` the areas it took up. */
export interface DemoMeeting {
  heldOn: string;
  attendees: number[];
  areas?: (typeof ACTIVITY_AREAS)[number][];
}

/** An activity session in one area; participants are positions in the club's `members`. */
export interface DemoSession {
  area: (typeof ACTIVITY_AREAS)[number];
  heldOn: string;
  participants: number[];
}

/** What a club's activity depends on. */
export interface ActivityPlan {
  establishedOn: string;
  /**
   * From July 2024 to December 2025: a meeting every month and every area taken up ('full'), or a meeting
   * in only 2 of every 3 months (not well managed), or nothing on rights and resources (not full).
   */
  activity?: 'full' | 'few_meetings' | 'missing_areas';
}

interface PresentMember {
  joinedOn: string;
  leftOn?: string;
}

/** Positions of the members of the club on `date` (joined, not yet left), at most `limit`. */
function presentOn(members: readonly PresentMember[], date: string, limit: number): number[] {
  const present: number[] = [];
  members.forEach((m, i) => {
    if (m.joinedOn <= date && (m.leftOn === undefined || m.leftOn > date)) present.push(i);
  });
  return present.slice(0, limit);
}

/** The 12 calendar months ending with the demo date's month, as `YYYY-MM`: the first year of meetings and sessions. */
function trailingMonths(): string[] {
  return monthsBetween(FIRST_MONTH, DEMO_AS_OF.slice(0, 7));
}

const FIRST_MONTH = addMonths(DEMO_AS_OF, -11).slice(0, 7);

/** From April 2025 each meeting takes up one area in turn (sessions did so before): the scorecard's year covers all 8. */
const MEETING_AREAS_FROM = '2025-04';

export function meetingsOf(plan: ActivityPlan, members: readonly PresentMember[]): DemoMeeting[] {
  const areas = ACTIVITY_AREAS.filter((area) => plan.activity !== 'missing_areas' || (area !== 'rights' && area !== 'resources'));
  return monthsBetween(FIRST_MONTH, DEMO_END.slice(0, 7))
    .map((month, i) => ({ month, i }))
    .filter(({ i }) => plan.activity !== 'few_meetings' || i % 3 !== 1)
    .map(({ month }) => {
      const heldOn = `${month}-15`;
      const turn = monthsBetween(MEETING_AREAS_FROM, month).length - 1;
      const area = ACTIVITY_AREAS[turn % ACTIVITY_AREAS.length];
      return { heldOn, attendees: presentOn(members, heldOn, 40), ...(month >= MEETING_AREAS_FROM && areas.includes(area) ? { areas: [area] } : {}) };
    })
    .filter((m) => m.heldOn >= plan.establishedOn && m.attendees.length > 0);
}

export function sessionsOf(plan: ActivityPlan, members: readonly PresentMember[]): DemoSession[] {
  const months = trailingMonths();
  return ACTIVITY_AREAS.filter((area) => plan.activity !== 'missing_areas' || (area !== 'rights' && area !== 'resources'))
    .map((area, i) => {
      // One area a month from the second month of the window; a club younger than that spreads them out.
      const planned = `${months[1 + i]}-20`;
      const heldOn = planned >= plan.establishedOn ? planned : minDate(addDays(plan.establishedOn, 3 + 9 * i), DEMO_AS_OF);
      return { area, heldOn, participants: presentOn(members, heldOn, 12) };
    })
    .filter((s) => s.participants.length > 0);
}
