import { Pool, PoolClient } from 'pg';
import { CoverageFacts } from './domain/coverage-indicators';

/**
 * Reads `communes(U,T)` and `clubs(U,T)` (ISHC.md §6) from the temporal tables: the subtree of U
 * through the parent links valid on T, restricted to units valid on T.
 */
export async function readCoverageFacts(db: Pool | PoolClient, orgUnit: string, asOf: string): Promise<CoverageFacts> {
  const communes = await db.query<{ code: string }>(
    `WITH RECURSIVE tree AS (
       SELECT u.code, u.level FROM rp_org_unit u
        WHERE u.code = $1 AND u.valid_from <= $2 AND (u.valid_to IS NULL OR u.valid_to >= $2)
       UNION ALL
       SELECT child.code, child.level
         FROM tree
         JOIN rp_org_unit_parent link ON link.parent_code = tree.code
              AND link.valid_from <= $2 AND (link.valid_to IS NULL OR link.valid_to >= $2)
         JOIN rp_org_unit child ON child.code = link.code
              AND child.valid_from <= $2 AND (child.valid_to IS NULL OR child.valid_to >= $2)
     )
     SELECT code FROM tree WHERE level = 'commune' ORDER BY code`,
    [orgUnit, asOf],
  );
  const communeCodes = communes.rows.map((r) => r.code);
  const clubs = await db.query<{ club_id: string; commune_code: string }>(
    `SELECT club_id, commune_code FROM rp_club
      WHERE commune_code = ANY($1::text[]) AND established_on <= $2 AND (dissolved_on IS NULL OR dissolved_on > $2)
      ORDER BY club_id`,
    [communeCodes, asOf],
  );
  return { communes: communeCodes, clubs: clubs.rows.map((r) => ({ clubId: r.club_id, communeCode: r.commune_code })) };
}

/** The unit as reporting knows it, to tell "unknown" from "not valid on that date". */
export async function readOrgUnitValidity(
  db: Pool | PoolClient,
  code: string,
): Promise<{ code: string; level: string; validFrom: string; validTo: string | null } | null> {
  const r = await db.query<{ code: string; level: string; valid_from: string; valid_to: string | null }>(
    `SELECT code, level, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
       FROM rp_org_unit WHERE code = $1`,
    [code],
  );
  const row = r.rows[0];
  return row ? { code: row.code, level: row.level, validFrom: row.valid_from, validTo: row.valid_to } : null;
}
