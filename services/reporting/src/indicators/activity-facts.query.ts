import { ActivityArea, IsoDate } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { ActivityFacts, ActivityParameters, monthsEndingWith, trailingWindow } from './domain/activity-indicators';
import { MemberFacts } from './domain/member-indicators';

/**
 * The activity facts for `clubs(U,T)` (the club ids given) and their memberships: the records dated from
 * the earlier of W's first day and the first day of the meeting criterion's months, through T.
 * activity-indicators.ts applies the definitions of ISHC.md §6 in full.
 */
export async function readActivityFacts(db: Pool | PoolClient, clubIds: readonly string[], members: MemberFacts, asOf: IsoDate, params: ActivityParameters): Promise<ActivityFacts> {
  const window = trailingWindow(asOf, params.trailingWindowMonths);
  const firstMeetingMonth = `${monthsEndingWith(asOf, params.wellManaged.ofMonths).at(-1) ?? asOf.slice(0, 7)}-01`;
  const from = window.start < firstMeetingMonth ? window.start : firstMeetingMonth;
  const memberIds = [...new Set(members.memberships.map((m) => m.memberId))];
  const areas = await db.query<{ club_id: string; area: ActivityArea; on_date: string }>(
    `SELECT club_id, area, to_char(held_on, 'YYYY-MM-DD') AS on_date FROM rp_session WHERE club_id = ANY($1::uuid[]) AND held_on BETWEEN $2 AND $3
     UNION ALL
     SELECT club_id, unnest(areas) AS area, to_char(held_on, 'YYYY-MM-DD') AS on_date FROM rp_meeting WHERE club_id = ANY($1::uuid[]) AND held_on BETWEEN $2 AND $3
     ORDER BY club_id, on_date, area`,
    [clubIds, window.start, asOf],
  );
  const meetings = await db.query<{ club_id: string; held_on: string }>(
    `SELECT club_id, to_char(held_on, 'YYYY-MM-DD') AS held_on FROM rp_meeting WHERE club_id = ANY($1::uuid[]) AND held_on BETWEEN $2 AND $3 ORDER BY club_id, held_on`,
    [clubIds, from, asOf],
  );
  const checks = await db.query<{ member_id: string; checked_on: string }>(
    `SELECT member_id, to_char(checked_on, 'YYYY-MM-DD') AS checked_on FROM rp_health_check
      WHERE member_id = ANY($1::uuid[]) AND checked_on BETWEEN $2 AND $3 ORDER BY member_id, checked_on`,
    [memberIds, window.start, asOf],
  );
  const visits = await db.query<{ beneficiary_id: string; visited_on: string }>(
    `SELECT beneficiary_id, to_char(visited_on, 'YYYY-MM-DD') AS visited_on FROM rp_home_care_visit
      WHERE beneficiary_id = ANY($1::uuid[]) AND visited_on BETWEEN $2 AND $3 ORDER BY beneficiary_id, visited_on`,
    [memberIds, window.start, asOf],
  );
  return {
    areasCovered: areas.rows.map((r) => ({ clubId: r.club_id, area: r.area, on: r.on_date })),
    meetings: meetings.rows.map((r) => ({ clubId: r.club_id, heldOn: r.held_on })),
    healthChecks: checks.rows.map((r) => ({ memberId: r.member_id, checkedOn: r.checked_on })),
    homeCareVisits: visits.rows.map((r) => ({ beneficiaryId: r.beneficiary_id, visitedOn: r.visited_on })),
  };
}
