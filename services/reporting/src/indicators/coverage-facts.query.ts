import { Pool, PoolClient } from 'pg';
import { CoverageFacts } from './domain/coverage-indicators';

/**
 * Reads `communes(U,T)` and `clubs(U,T)` (ISHC.md §6) from the temporal tables: the subtree of U
 * through the parent links valid on T, restricted to units valid on T; each club in the commune it
 * belongs to on T (its own, or the successor of a commune succeeded `whole`).
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
  // A club stays with its commune; when that commune is succeeded `whole`, the club belongs to the
  // successor from the effective date (ISHC.md §3), following chains of such links up to `asOf`.
  const clubs = await db.query<{ club_id: string; commune_code: string }>(
    `WITH RECURSIVE origin AS (
       SELECT c AS code, c AS placed, 0 AS depth FROM unnest($1::text[]) AS c
       UNION ALL
       SELECT s.from_code, origin.placed, origin.depth + 1 FROM origin
         JOIN rp_org_unit_succession s ON s.to_code = origin.code AND s.kind = 'whole' AND s.effective_on <= $2
        WHERE origin.depth < 10
     )
     SELECT DISTINCT ON (club.club_id) club.club_id, origin.placed AS commune_code
       FROM origin JOIN rp_club club ON club.commune_code = origin.code
      WHERE club.established_on <= $2 AND (club.dissolved_on IS NULL OR club.dissolved_on > $2)
      ORDER BY club.club_id, origin.depth`,
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
