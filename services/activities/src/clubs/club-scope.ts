import { IsoDate } from '@ishc/contracts';
import { Actor, ScopeChecker } from '@ishc/platform';
import { Pool } from 'pg';
import { clubReplicaTable } from '../replica/club-replica.table';
import { scopeDateFor } from './club-path';

/**
 * 403 unless the caller's scope covers the club's commune on `on` (kept within the club's lifetime). A club
 * not replicated yet is not checked here: the handler answers it 409 (the client may retry).
 */
export async function assertClubInScope(pool: Pool, scope: ScopeChecker, actor: Actor, clubId: string, on: IsoDate): Promise<void> {
  const club = await clubReplicaTable.find(pool, clubId);
  if (club) await scope.assertInScope(actor, club.communeCode, scopeDateFor(club, on));
}
