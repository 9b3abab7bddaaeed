import { readClubContext } from '@ishc/registry-replica';
import { PoolClient } from 'pg';
import { ClubContext } from './domain/club-activities';

/**
 * What the replica knows of the club and of the named members, read in the command's transaction; a member
 * whose membership of the club may still be on its way (registered moments ago, no membership of the club
 * seen) is marked so. One statement: the replica library's readClubContext, which owns the replica's tables
 * and is held to the library's per-part reads there; the activities API specs hold the answers (409 not known
 * yet, 400 per person).
 */
export function loadClubContext(client: PoolClient, clubId: string, memberIds: readonly string[]): Promise<ClubContext> {
  return readClubContext(client, clubId, memberIds);
}
