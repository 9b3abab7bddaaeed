import { ActivitySessionHeldV1, HealthCheckRecordedV1, HomeCareVisitRecordedV1, MonthlyMeetingHeldV1, SelfHelpCaseOpenedV1 } from '@ishc/contracts';
import { PoolClient } from 'pg';
import { StatementBatch, upsert } from './batched-statements';
import { ADD_CHECKED_DAYS, ADD_VISITED_DAYS } from './member-activity.statements';

/** The part of an incoming activities event the projection reads. */
export interface ProjectedActivitiesEvent {
  type: string;
  data: unknown;
}

/**
 * Projects the activities service's records as dated facts (tables in reporting-schema.ts): meetings with
 * the areas they covered, sessions with their area, who had a health check when, who visited whom when,
 * and self-help cases. Ids and dates only: no measurement, no service given, no name ever reaches
 * reporting (the events do not carry them). Keyed by the record's id (the first row for an id stays), so
 * applying an event twice leaves the same rows; each kind has its own table, so a batch costs one
 * statement per kind. Checks and visits also add their day to the member's rp_member_activity row
 * (member-activity.statements.ts), in the same batch.
 */
export async function projectActivitiesEvents(events: readonly ProjectedActivitiesEvent[], client: PoolClient): Promise<void> {
  const batch = new StatementBatch(client);
  for (const event of events) {
    switch (event.type) {
      case 'MonthlyMeetingHeld': {
        const m = event.data as MonthlyMeetingHeldV1;
        await batch.add(MEETINGS, { meeting_id: m.meetingId, club_id: m.clubId, held_on: m.heldOn, areas: m.areas, extra: m.extra });
        break;
      }
      case 'ActivitySessionHeld': {
        const s = event.data as ActivitySessionHeldV1;
        await batch.add(SESSIONS, { session_id: s.sessionId, club_id: s.clubId, area: s.area, held_on: s.heldOn });
        break;
      }
      case 'HealthCheckRecorded': {
        const h = event.data as HealthCheckRecordedV1;
        await batch.add(HEALTH_CHECKS, { health_check_id: h.healthCheckId, club_id: h.clubId, member_id: h.memberId, checked_on: h.checkedOn });
        await batch.add(ADD_CHECKED_DAYS, { member_id: h.memberId, day: h.checkedOn });
        break;
      }
      case 'HomeCareVisitRecorded': {
        const v = event.data as HomeCareVisitRecordedV1;
        await batch.add(HOME_CARE_VISITS, { visit_id: v.visitId, club_id: v.clubId, volunteer_id: v.volunteerId, beneficiary_id: v.beneficiaryId, visited_on: v.visitedOn });
        await batch.add(ADD_VISITED_DAYS, { member_id: v.beneficiaryId, day: v.visitedOn });
        break;
      }
      case 'SelfHelpCaseOpened': {
        const c = event.data as SelfHelpCaseOpenedV1;
        await batch.add(SELF_HELP_CASES, { case_id: c.caseId, club_id: c.clubId, beneficiary_id: c.beneficiaryId, opened_on: c.openedOn, value_vnd: c.valueVnd });
        break;
      }
    }
  }
  await batch.flush();
}

const MEETINGS = upsert({
  table: 'rp_meeting',
  columns: { meeting_id: 'uuid', club_id: 'uuid', held_on: 'date', areas: 'text[]', extra: 'boolean' },
  key: ['meeting_id'],
  onConflict: 'nothing',
});

const SESSIONS = upsert({
  table: 'rp_session',
  columns: { session_id: 'uuid', club_id: 'uuid', area: 'text', held_on: 'date' },
  key: ['session_id'],
  onConflict: 'nothing',
});

const HEALTH_CHECKS = upsert({
  table: 'rp_health_check',
  columns: { health_check_id: 'uuid', club_id: 'uuid', member_id: 'uuid', checked_on: 'date' },
  key: ['health_check_id'],
  onConflict: 'nothing',
});

const HOME_CARE_VISITS = upsert({
  table: 'rp_home_care_visit',
  columns: { visit_id: 'uuid', club_id: 'uuid', volunteer_id: 'uuid', beneficiary_id: 'uuid', visited_on: 'date' },
  key: ['visit_id'],
  onConflict: 'nothing',
});

const SELF_HELP_CASES = upsert({
  table: 'rp_self_help_case',
  columns: { case_id: 'uuid', club_id: 'uuid', beneficiary_id: 'uuid', opened_on: 'date', value_vnd: 'bigint' },
  key: ['case_id'],
  onConflict: 'nothing',
});
