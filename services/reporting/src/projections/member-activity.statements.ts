import { PoolClient } from 'pg';
import { BatchedStatement } from './batched-statements';

/**
 * rp_member_activity: per member, the days of their health checks, of the home-care visits they received
 * and of their loans' disbursements, each as a datemultirange (a day is the range [d, d + 1)). The club
 * tally (club-tally.query.ts) then asks "checked within W?" with one `&&` on a row found by primary key,
 * instead of joining and de-duplicating the facts for the whole scope.
 *
 * Multirange union is commutative and idempotent, so adding a day in any order, twice (redelivery) or
 * again (replay) leaves the same row: checks and visits are only ever recorded (no event removes one),
 * so their days are added. A loan's day follows rp_loan, where a later LoanDisbursed of the loan replaces
 * the earlier (loans.projection.ts): `borrowed` is recomputed from rp_loan for the batch's borrowers.
 */
export const MEMBER_ACTIVITY_TABLE = `
CREATE TABLE IF NOT EXISTS rp_member_activity (
  member_id  uuid PRIMARY KEY,
  checked    datemultirange NOT NULL DEFAULT '{}',
  visited    datemultirange NOT NULL DEFAULT '{}',
  borrowed   datemultirange NOT NULL DEFAULT '{}'
);
`;

/**
 * Every member's row recomputed from the facts (rp_health_check, rp_home_care_visit, rp_loan): fills the
 * table when the migration creates it in a generation that already has facts (no rebuild needed), and
 * fills it after facts written by SQL (the bench's national fill, specs). Rows in event order are not
 * needed: range_agg is a union.
 */
export const MEMBER_ACTIVITY_FROM_FACTS = `
INSERT INTO rp_member_activity (member_id, checked, visited, borrowed)
SELECT member_id,
       COALESCE(range_agg(day) FILTER (WHERE kind = 'checked'), '{}'),
       COALESCE(range_agg(day) FILTER (WHERE kind = 'visited'), '{}'),
       COALESCE(range_agg(day) FILTER (WHERE kind = 'borrowed'), '{}')
  FROM (SELECT member_id, 'checked' AS kind, daterange(checked_on, checked_on, '[]') AS day FROM rp_health_check
        UNION ALL SELECT beneficiary_id, 'visited', daterange(visited_on, visited_on, '[]') FROM rp_home_care_visit
        UNION ALL SELECT member_id, 'borrowed', daterange(disbursed_on, disbursed_on, '[]') FROM rp_loan) facts
 GROUP BY member_id
 ORDER BY member_id
ON CONFLICT (member_id) DO UPDATE SET checked = EXCLUDED.checked, visited = EXCLUDED.visited, borrowed = EXCLUDED.borrowed`;

/** Creates rp_member_activity in the current search path's schema, filled from its facts if it is new. */
export async function migrateMemberActivity(client: PoolClient): Promise<void> {
  const existed = await client.query<{ existed: boolean }>(`SELECT to_regclass('rp_member_activity') IS NOT NULL AS existed`);
  await client.query(MEMBER_ACTIVITY_TABLE);
  if (!existed.rows[0].existed) await client.query(MEMBER_ACTIVITY_FROM_FACTS);
}

export interface MemberDay {
  member_id: string;
  day: string;
}

/**
 * Adds each row's day to the member's `column`, one statement per batch. Rows are ordered by member so
 * that two projections' batches lock the members they share in the same order (no deadlock).
 */
function addDays(column: 'checked' | 'visited'): BatchedStatement<MemberDay> {
  const text = `
    INSERT INTO rp_member_activity (member_id, ${column})
    SELECT v.member_id, range_agg(daterange(v.day, v.day, '[]')) FROM unnest($1::uuid[], $2::date[]) AS v(member_id, day)
     GROUP BY v.member_id ORDER BY v.member_id
    ON CONFLICT (member_id) DO UPDATE SET ${column} = rp_member_activity.${column} + EXCLUDED.${column}`;
  return {
    // A column of its own: the checks' and the visits' statements commute.
    touches: [`rp_member_activity.${column}`],
    async apply(rows, client) {
      if (rows.length > 0) await client.query(text, [rows.map((r) => r.member_id), rows.map((r) => r.day)]);
    },
  };
}

export const ADD_CHECKED_DAYS = addDays('checked');
export const ADD_VISITED_DAYS = addDays('visited');

/**
 * Sets `borrowed` of the given members to the days of their loans in rp_loan (applied after rp_loan's
 * upsert, in the same statement of the batch: see loans.projection.ts). A member without loans any more
 * keeps a row with an empty multirange.
 */
export async function recomputeBorrowed(memberIds: readonly string[], client: PoolClient): Promise<void> {
  if (memberIds.length === 0) return;
  await client.query(
    `INSERT INTO rp_member_activity (member_id, borrowed)
     SELECT m.member_id, COALESCE(range_agg(daterange(l.disbursed_on, l.disbursed_on, '[]')) FILTER (WHERE l.loan_id IS NOT NULL), '{}')
       FROM (SELECT DISTINCT unnest($1::uuid[]) AS member_id) m LEFT JOIN rp_loan l ON l.member_id = m.member_id
      GROUP BY m.member_id ORDER BY m.member_id
     ON CONFLICT (member_id) DO UPDATE SET borrowed = EXCLUDED.borrowed`,
    [memberIds],
  );
}
