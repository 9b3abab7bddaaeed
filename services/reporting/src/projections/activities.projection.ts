import { ActivitySessionHeldV1, HealthCheckRecordedV1, HomeCareVisitRecordedV1, MonthlyMeetingHeldV1, SelfHelpCaseOpenedV1 } from '@ishc/contracts';
import { PoolClient } from 'pg';

/** The part of an incoming activities event the projection reads. */
export interface ProjectedActivitiesEvent {
  type: string;
  data: unknown;
}

/**
 * Projects the activities service's records as dated facts (tables in reporting-schema.ts): meetings with
 * the areas they covered, sessions with their area, who had a health check when, who visited whom when,
 * and self-help cases. Ids and dates only: no measurement, no service given, no name ever reaches
 * reporting (the events do not carry them). Keyed by the record's id, so applying an event twice leaves
 * the same rows.
 */
export async function projectActivitiesEvents(events: readonly ProjectedActivitiesEvent[], client: PoolClient): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case 'MonthlyMeetingHeld': {
        const m = event.data as MonthlyMeetingHeldV1;
        await client.query(
          `INSERT INTO rp_meeting (meeting_id, club_id, held_on, areas, extra) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (meeting_id) DO NOTHING`,
          [m.meetingId, m.clubId, m.heldOn, m.areas, m.extra],
        );
        break;
      }
      case 'ActivitySessionHeld': {
        const s = event.data as ActivitySessionHeldV1;
        await client.query(`INSERT INTO rp_session (session_id, club_id, area, held_on) VALUES ($1, $2, $3, $4) ON CONFLICT (session_id) DO NOTHING`, [
          s.sessionId,
          s.clubId,
          s.area,
          s.heldOn,
        ]);
        break;
      }
      case 'HealthCheckRecorded': {
        const h = event.data as HealthCheckRecordedV1;
        await client.query(
          `INSERT INTO rp_health_check (health_check_id, club_id, member_id, checked_on) VALUES ($1, $2, $3, $4) ON CONFLICT (health_check_id) DO NOTHING`,
          [h.healthCheckId, h.clubId, h.memberId, h.checkedOn],
        );
        break;
      }
      case 'HomeCareVisitRecorded': {
        const v = event.data as HomeCareVisitRecordedV1;
        await client.query(
          `INSERT INTO rp_home_care_visit (visit_id, club_id, volunteer_id, beneficiary_id, visited_on) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (visit_id) DO NOTHING`,
          [v.visitId, v.clubId, v.volunteerId, v.beneficiaryId, v.visitedOn],
        );
        break;
      }
      case 'SelfHelpCaseOpened': {
        const c = event.data as SelfHelpCaseOpenedV1;
        await client.query(
          `INSERT INTO rp_self_help_case (case_id, club_id, beneficiary_id, opened_on, value_vnd) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (case_id) DO NOTHING`,
          [c.caseId, c.clubId, c.beneficiaryId, c.openedOn, c.valueVnd],
        );
        break;
      }
    }
  }
}
