import { Pool, PoolClient } from 'pg';
import { ClubFacts } from './domain/new-club-indicators';

/**
 * When each club of `clubs(U,T)` was established, and whether its commune on T (as given in the scope)
 * is flagged ethnic-minority area or especially difficult.
 */
export async function readClubFacts(
  db: Pool | PoolClient,
  clubs: ReadonlyArray<{ clubId: string; communeCode: string }>,
): Promise<ClubFacts> {
  const clubIds = clubs.map((c) => c.clubId);
  const communeCodes = [...new Set(clubs.map((c) => c.communeCode))];
  const established = await db.query<{ club_id: string; established_on: string }>(
    `SELECT club_id, to_char(established_on, 'YYYY-MM-DD') AS established_on FROM rp_club WHERE club_id = ANY($1::uuid[]) ORDER BY club_id`,
    [clubIds],
  );
  const priority = await db.query<{ code: string }>(
    `SELECT code FROM rp_org_unit
      WHERE code = ANY($1::text[])
        AND (COALESCE((attributes->>'ethnicMinorityArea')::boolean, false) OR COALESCE((attributes->>'especiallyDifficult')::boolean, false))
      ORDER BY code`,
    [communeCodes],
  );
  return {
    established: established.rows.map((r) => ({ clubId: r.club_id, establishedOn: r.established_on })),
    priorityCommunes: priority.rows.map((r) => r.code),
  };
}
