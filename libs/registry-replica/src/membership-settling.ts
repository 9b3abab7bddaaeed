import { Pool, PoolClient } from 'pg';

type Db = Pool | PoolClient;

/**
 * How long after the replica applied a member's registration a missing membership is taken as not
 * replicated yet. The registry records the joining right after the registration (two requests), but on
 * Kafka the member's stream and their memberships stream travel on different partitions: the replica may
 * apply the registration first. Within this window the services answer "not known yet, retry" (as for a
 * member not seen at all) instead of "not a member"; past it, a person with no membership in the club is
 * taken at the replica's word. Generous against a partition lagging behind another, short enough that a
 * genuine non-member is told so within minutes.
 */
export const MEMBERSHIP_SETTLING_SECONDS = 300;

/**
 * Of `memberIds`, those whose membership of `clubId` may not be replicated yet: the replica applied their
 * registration within the settling window and has no membership of them in the club at all (a membership
 * that exists but does not cover a date is the replica's answer, not a gap). Compared on the database's
 * clock, the one that stamped the registration.
 */
export async function membersAwaitingMembership(
  db: Db,
  clubId: string,
  memberIds: readonly string[],
  settlingSeconds: number = MEMBERSHIP_SETTLING_SECONDS,
): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const r = await db.query<{ member_id: string }>(
    `SELECT m.member_id FROM member_replica m
      WHERE m.member_id = ANY($1::uuid[])
        AND m.registration_replicated_at > now() - make_interval(secs => $3)
        AND NOT EXISTS (SELECT 1 FROM membership_replica s WHERE s.member_id = m.member_id AND s.club_id = $2)`,
    [memberIds, clubId, settlingSeconds],
  );
  return new Set(r.rows.map((row) => row.member_id));
}
