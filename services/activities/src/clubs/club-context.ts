import { PoolClient } from 'pg';
import { clubReplicaTable } from '../replica/club-replica.table';
import { membershipReplicaTable } from '../replica/membership-replica.table';
import { ClubContext } from './domain/club-activities';

/** What the replica knows of the club and of the named members, read in the command's transaction. */
export async function loadClubContext(client: PoolClient, clubId: string, memberIds: readonly string[]): Promise<ClubContext> {
  const [club, members] = await Promise.all([clubReplicaTable.find(client, clubId), membershipReplicaTable.findMembers(client, memberIds)]);
  return { club, members };
}
