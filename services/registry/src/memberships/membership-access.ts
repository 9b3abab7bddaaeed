import { Actor, NotFoundError, ScopeChecker } from '@ishc/platform';
import { Pool } from 'pg';
import { clubCommuneOn } from '../clubs/club-commune';

/**
 * The club and member a membership route names: 404 when either is unknown, 403 when the club is outside
 * the caller's scope. Both are looked up in one statement (one round trip, not two).
 */
export async function clubAndMemberInScope(
  pool: Pool,
  scope: ScopeChecker,
  actor: Actor,
  ids: { clubId: string; memberId: string },
  today: string,
): Promise<void> {
  const { rows } = await pool.query<{ club_known: boolean; member_known: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM clubs WHERE club_id = $1) AS club_known,
            EXISTS (SELECT 1 FROM members WHERE member_id = $2) AS member_known`,
    [ids.clubId, ids.memberId],
  );
  if (!rows[0].club_known) throw new NotFoundError(`Unknown club ${ids.clubId}.`);
  if (!rows[0].member_known) throw new NotFoundError(`Unknown member ${ids.memberId}.`);
  // The club's commune today: a whole succession has moved it under the successor with no write.
  await scope.assertResolvedUnitInScope(actor, async () => (await clubCommuneOn(pool, ids.clubId, today)).communeCode, today);
}
