import { ActivityArea, IsoDate } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { ActivityFacts, ActivityParameters } from './domain/activity-indicators';
import { monthsEndingWith, trailingWindow } from './domain/windows';

/**
 * What clubs_full_activities_pct and the meeting criterion need of the sessions and meetings of
 * `clubs(U,T)` (the club ids given), reduced by PostgreSQL to what decides them: per club, each area
 * covered within W once (with the latest day it was), and each calendar month with a meeting from the
 * first month the criterion can look at through T once (with its latest meeting day). The rules applied
 * to these (activity-indicators.ts) give the same answers as to every record, with a tenth of the rows.
 */
export async function readActivityDays(
  db: Pool | PoolClient,
  clubIds: readonly string[],
  asOf: IsoDate,
  params: Omit<ActivityParameters, 'elderlyAge'>,
): Promise<Pick<ActivityFacts, 'areasCovered' | 'meetings'>> {
  const window = trailingWindow(asOf, params.trailingWindowMonths);
  const firstMeetingMonth = `${monthsEndingWith(asOf, params.wellManaged.ofMonths).at(-1) ?? asOf.slice(0, 7)}-01`;
  const from = window.start < firstMeetingMonth ? window.start : firstMeetingMonth;
  const areas = await db.query<[string, ActivityArea[], string[]]>({
    rowMode: 'array',
    text: `SELECT club_id::text, array_agg(area), array_agg(to_char(last_on, 'YYYY-MM-DD')) FROM (
             SELECT club_id, area, max(held_on) AS last_on FROM (
               SELECT club_id, area, held_on FROM rp_session WHERE club_id = ANY($1::uuid[]) AND held_on BETWEEN $2 AND $3
               UNION ALL
               SELECT club_id, unnest(areas), held_on FROM rp_meeting WHERE club_id = ANY($1::uuid[]) AND held_on BETWEEN $2 AND $3
             ) covered GROUP BY club_id, area
           ) areas GROUP BY club_id`,
    values: [clubIds, window.start, asOf],
  });
  const meetings = await db.query<[string, string[]]>({
    rowMode: 'array',
    text: `SELECT club_id::text, array_agg(to_char(last_on, 'YYYY-MM-DD')) FROM (
             SELECT club_id, max(held_on) AS last_on FROM rp_meeting WHERE club_id = ANY($1::uuid[]) AND held_on BETWEEN $2 AND $3
              GROUP BY club_id, date_trunc('month', held_on)
           ) months GROUP BY club_id`,
    values: [clubIds, from, asOf],
  });
  return {
    areasCovered: areas.rows.flatMap(([clubId, covered, days]) => covered.map((area, i) => ({ clubId, area, on: days[i] }))),
    meetings: meetings.rows.flatMap(([clubId, days]) => days.map((heldOn) => ({ clubId, heldOn }))),
  };
}
