import { PoolClient } from 'pg';
import { clubReplicaTable } from '../replica/club-replica.table';
import { membersAwaitingMembership, membershipReplicaTable } from '../replica/membership-replica.table';
import { ClubContext, KnownMember } from './domain/club-activities';

/**
 * What the replica knows of the club and of the named members, read in the command's transaction; a member
 * whose membership of the club may still be on its way (registered moments ago, no membership of the club
 * seen) is marked so.
 */
export async function loadClubContext(client: PoolClient, clubId: string, memberIds: readonly string[]): Promise<ClubContext> {
  const [club, members, awaiting] = await Promise.all([
    clubReplicaTable.find(client, clubId),
    membershipReplicaTable.findMembers(client, memberIds),
    membersAwaitingMembership(client, clubId, memberIds),
  ]);
  const marked = new Map<string, KnownMember>([...members].map(([id, member]) => [id, { ...member, awaitingMembership: awaiting.has(id) }]));
  return { club, members: marked };
}
