import { Pool, PoolClient } from 'pg';
import { CoverageFacts } from './domain/coverage-indicators';

/**
 * Reads `communes(U,T)` and `clubs(U,T)` (ISHC.md §6) from the temporal tables: the subtree of U
 * through the parent links valid on T, restricted to units valid on T; each club in the commune it
 * belongs to on T (its own, or the successor of a commune succeeded `whole`).
 */
export async function readCoverageFacts(db: Pool | PoolClient, orgUnit: string, asOf: string): Promise<CoverageFacts> {
  return coverageOf(db, await readCommunesUnder(db, orgUnit, asOf), asOf);
}

/**
 * The same for a unit that ended before T (ISHC.md §3): its footprint, the commune-level units valid on
 * T that succeed, through `whole` links in force by T, the communes that were under it on its last day.
 */
export async function readFootprintCoverageFacts(db: Pool | PoolClient, orgUnit: string, lastDay: string, asOf: string): Promise<CoverageFacts> {
  const lastCommunes = await readCommunesUnder(db, orgUnit, lastDay);
  const r = await db.query<{ code: string }>(
    `WITH RECURSIVE successor AS (
       SELECT c AS code, 0 AS depth FROM unnest($1::text[]) AS c
       UNION
       SELECT s.to_code, successor.depth + 1 FROM successor
         JOIN rp_org_unit_succession s ON s.from_code = successor.code AND s.kind = 'whole' AND s.effective_on <= $2
        WHERE successor.depth < 10
     )
     SELECT DISTINCT u.code FROM successor JOIN rp_org_unit u ON u.code = successor.code
      WHERE u.level = 'commune' AND u.valid_from <= $2 AND (u.valid_to IS NULL OR u.valid_to >= $2)
      ORDER BY u.code`,
    [lastCommunes, asOf],
  );
  return coverageOf(
    db,
    r.rows.map((row) => row.code),
    asOf,
  );
}

/** `communes(U,T)`: the subtree of U through the parent links valid on T, restricted to units valid on T. */
async function readCommunesUnder(db: Pool | PoolClient, orgUnit: string, asOf: string): Promise<string[]> {
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
  return communes.rows.map((r) => r.code);
}

async function coverageOf(db: Pool | PoolClient, communeCodes: string[], asOf: string): Promise<CoverageFacts> {
  // A club stays with its commune (the one it was established in, or its latest reassignment by T, after
  // a partial succession); when that commune is succeeded `whole`, the club belongs to the successor
  // from the effective date (ISHC.md §3), following chains of such links up to `asOf`.
  const clubs = await db.query<{ club_id: string; commune_code: string }>(
    `WITH RECURSIVE origin AS (
       SELECT c AS code, c AS placed, 0 AS depth FROM unnest($1::text[]) AS c
       UNION ALL
       SELECT s.from_code, origin.placed, origin.depth + 1 FROM origin
         JOIN rp_org_unit_succession s ON s.to_code = origin.code AND s.kind = 'whole' AND s.effective_on <= $2
        WHERE origin.depth < 10
     )
     SELECT DISTINCT ON (club.club_id) club.club_id, origin.placed AS commune_code
       FROM origin
       JOIN (SELECT c.club_id, c.established_on, c.dissolved_on,
                    COALESCE((SELECT r.commune_code FROM rp_club_reassignment r
                               WHERE r.club_id = c.club_id AND r.effective_on <= $2
                               ORDER BY r.effective_on DESC LIMIT 1), c.commune_code) AS commune_code
               FROM rp_club c) club ON club.commune_code = origin.code
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
): Promise<{ code: string; name: string; level: string; validFrom: string; validTo: string | null } | null> {
  const r = await db.query<{ code: string; name: string; level: string; valid_from: string; valid_to: string | null }>(
    `SELECT code, name, level, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
       FROM rp_org_unit WHERE code = $1`,
    [code],
  );
  const row = r.rows[0];
  return row ? { code: row.code, name: row.name, level: row.level, validFrom: row.valid_from, validTo: row.valid_to } : null;
}
