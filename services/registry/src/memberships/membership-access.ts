import { Actor, NotFoundError, ScopeChecker } from '@ishc/platform';
import { Pool } from 'pg';
import { clubCommuneOn } from '../clubs/club-commune';
import { ClubView, clubTable } from '../clubs/club.table';
import { MemberRow, memberTable } from '../members/member.table';

/** The club and member a membership route names: 404 when either is unknown, 403 when the club is outside the caller's scope. */
export async function clubAndMemberInScope(
  pool: Pool,
  scope: ScopeChecker,
  actor: Actor,
  ids: { clubId: string; memberId: string },
  today: string,
): Promise<{ club: ClubView; member: MemberRow }> {
  const [club, member] = await Promise.all([clubTable.find(pool, ids.clubId), memberTable.find(pool, ids.memberId)]);
  if (!club) throw new NotFoundError(`Unknown club ${ids.clubId}.`);
  if (!member) throw new NotFoundError(`Unknown member ${ids.memberId}.`);
  // The club's commune today: a whole succession has moved it under the successor with no write.
  const { communeCode } = await clubCommuneOn(pool, ids.clubId, today);
  await scope.assertInScope(actor, communeCode, today);
  return { club, member };
}
