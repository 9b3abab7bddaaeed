import { Pool, PoolClient } from 'pg';
import { RoleFacts } from './domain/well-managed-indicators';

/** The role sets in force on or before `asOf` of memberships in `clubs(U,T)` (the club ids given); well-managed-indicators.ts picks each member's on T. */
export async function readRoleFacts(db: Pool | PoolClient, clubIds: readonly string[], asOf: string): Promise<RoleFacts> {
  const r = await db.query<{ member_id: string; club_id: string; effective_on: string; roles: string[] }>(
    `SELECT member_id, club_id, to_char(effective_on, 'YYYY-MM-DD') AS effective_on, roles FROM rp_membership_roles
      WHERE club_id = ANY($1::uuid[]) AND effective_on <= $2 ORDER BY club_id, member_id, effective_on`,
    [clubIds, asOf],
  );
  return { roleSets: r.rows.map((row) => ({ memberId: row.member_id, clubId: row.club_id, effectiveOn: row.effective_on, roles: row.roles })) };
}
