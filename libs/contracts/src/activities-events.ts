import { IsoDate } from './org-units';

// Events the activities service publishes. Schemas are versioned by `schemaVersion` on the envelope; a new
// shape gets a new version and an upcaster, never an in-place change.

/** ISHC.md §4: the 8 activity areas (fixed codes; names configurable). */
export const ACTIVITY_AREAS = ['livelihood', 'health', 'home_care', 'self_help', 'rights', 'learning', 'culture', 'resources'] as const;
export type ActivityArea = (typeof ACTIVITY_AREAS)[number];

/** All of one club's meetings and sessions in ONE stream: "one monthly meeting per month" holds by its expected version. */
export const CLUB_ACTIVITIES_STREAM = 'club-activities';
export const clubActivitiesStreamId = (clubId: string): string => `${CLUB_ACTIVITIES_STREAM}-${clubId}`;

/** The club's meeting (sinh hoạt định kỳ): at most one per calendar month unless `extra`. */
export interface MonthlyMeetingHeldV1 {
  meetingId: string;
  clubId: string;
  heldOn: IsoDate;
  /** Members of the club on `heldOn`, each once. */
  attendeeIds: string[];
  areas: ActivityArea[];
  topics: string[];
  /** An additional meeting in a month that already has one. */
  extra: boolean;
}

/** An activity session of one area, with its participants (members of the club on `heldOn`). */
export interface ActivitySessionHeldV1 {
  sessionId: string;
  clubId: string;
  area: ActivityArea;
  heldOn: IsoDate;
  participantIds: string[];
  title: string | null;
}

export type ClubActivitiesEvent = { type: 'MonthlyMeetingHeld'; data: MonthlyMeetingHeldV1 } | { type: 'ActivitySessionHeld'; data: ActivitySessionHeldV1 };

export type ActivitiesEvent = ClubActivitiesEvent;
export type ActivitiesEventType = ActivitiesEvent['type'];

const uuid = { type: 'string', format: 'uuid' } as const;
const date = { type: 'string', format: 'date' } as const;
const area = { enum: [...ACTIVITY_AREAS] } as const;
const memberIds = { type: 'array', uniqueItems: true, minItems: 1, items: uuid } as const;

/** JSON Schemas of the current versions, for consumers outside TypeScript and for docs. */
export const activitiesEventSchemas: Record<ActivitiesEventType, { version: number; schema: object }> = {
  MonthlyMeetingHeld: {
    version: 1,
    schema: {
      type: 'object',
      required: ['meetingId', 'clubId', 'heldOn', 'attendeeIds', 'areas', 'topics', 'extra'],
      properties: {
        meetingId: uuid,
        clubId: uuid,
        heldOn: date,
        attendeeIds: memberIds,
        areas: { type: 'array', uniqueItems: true, items: area },
        topics: { type: 'array', items: { type: 'string', minLength: 1 } },
        extra: { type: 'boolean' },
      },
    },
  },
  ActivitySessionHeld: {
    version: 1,
    schema: {
      type: 'object',
      required: ['sessionId', 'clubId', 'area', 'heldOn', 'participantIds', 'title'],
      properties: { sessionId: uuid, clubId: uuid, area, heldOn: date, participantIds: memberIds, title: { type: ['string', 'null'] } },
    },
  },
};
