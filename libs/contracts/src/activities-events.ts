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

/** Each health check, home-care visit and self-help case is a stream of its own (no rule spans two of them). */
export const HEALTH_CHECK_STREAM = 'health-check';
export const healthCheckStreamId = (healthCheckId: string): string => `${HEALTH_CHECK_STREAM}-${healthCheckId}`;
export const HOME_CARE_VISIT_STREAM = 'home-care-visit';
export const homeCareVisitStreamId = (visitId: string): string => `${HOME_CARE_VISIT_STREAM}-${visitId}`;
export const SELF_HELP_CASE_STREAM = 'self-help-case';
export const selfHelpCaseStreamId = (caseId: string): string => `${SELF_HELP_CASE_STREAM}-${caseId}`;

/**
 * A member's health check. Deliberately WITHOUT the measurements (blood pressure, weight, glucose): health
 * data is sensitive (Decree 13/2023) and every event goes to Kafka, while indicators need only who was
 * checked and when. The values stay in activities' own database (its activity log), nowhere else.
 */
export interface HealthCheckRecordedV1 {
  healthCheckId: string;
  clubId: string;
  memberId: string;
  checkedOn: IsoDate;
}

/**
 * A volunteer's home-care visit to a beneficiary (both members of the club on `visitedOn`, the volunteer
 * holding `home_care_volunteer`). The services given say much about the beneficiary's health, so like
 * health-check values they stay in activities' activity log and are not in the event.
 */
export interface HomeCareVisitRecordedV1 {
  visitId: string;
  clubId: string;
  volunteerId: string;
  beneficiaryId: string;
  visitedOn: IsoDate;
}

/** A self-help case opened by the club: the person helped (a member on `openedOn`, when named), the kind of help and its value. */
export interface SelfHelpCaseOpenedV1 {
  caseId: string;
  clubId: string;
  beneficiaryId: string | null;
  openedOn: IsoDate;
  kind: string;
  valueVnd: number | null;
}

export type HealthCheckEvent = { type: 'HealthCheckRecorded'; data: HealthCheckRecordedV1 };
export type HomeCareVisitEvent = { type: 'HomeCareVisitRecorded'; data: HomeCareVisitRecordedV1 };
export type SelfHelpCaseEvent = { type: 'SelfHelpCaseOpened'; data: SelfHelpCaseOpenedV1 };

export type ActivitiesEvent = ClubActivitiesEvent | HealthCheckEvent | HomeCareVisitEvent | SelfHelpCaseEvent;
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
  HealthCheckRecorded: {
    version: 1,
    schema: {
      type: 'object',
      required: ['healthCheckId', 'clubId', 'memberId', 'checkedOn'],
      additionalProperties: false,
      properties: { healthCheckId: uuid, clubId: uuid, memberId: uuid, checkedOn: date },
    },
  },
  HomeCareVisitRecorded: {
    version: 1,
    schema: {
      type: 'object',
      required: ['visitId', 'clubId', 'volunteerId', 'beneficiaryId', 'visitedOn'],
      additionalProperties: false,
      properties: { visitId: uuid, clubId: uuid, volunteerId: uuid, beneficiaryId: uuid, visitedOn: date },
    },
  },
  SelfHelpCaseOpened: {
    version: 1,
    schema: {
      type: 'object',
      required: ['caseId', 'clubId', 'beneficiaryId', 'openedOn', 'kind', 'valueVnd'],
      properties: {
        caseId: uuid,
        clubId: uuid,
        beneficiaryId: { anyOf: [uuid, { type: 'null' }] },
        openedOn: date,
        kind: { type: 'string', minLength: 1 },
        valueVnd: { type: ['integer', 'null'], minimum: 0 },
      },
    },
  },
};
