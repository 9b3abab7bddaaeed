import { Pool, PoolClient } from 'pg';
import { MembershipsEvent } from './domain/memberships';
import { memberTable } from '../members/member.table';

type Db = Pool | PoolClient;

/** The registry's memberships table (see registry-schema.ts), kept in step with the memberships stream. */
export const membershipTable = {
  async apply(db: Db, events: MembershipsEvent[]): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case 'MemberJoinedClub': {
          const { memberId, clubId, joinedOn, roles } = event.data;
          await db.query('INSERT INTO memberships (member_id, club_id, joined_on, roles, roles_since) VALUES ($1, $2, $3, $4, $3)', [memberId, clubId, joinedOn, roles]);
          break;
        }
        case 'MembershipRolesChanged': {
          const { memberId, clubId, roles, effectiveOn } = event.data;
          await db.query('UPDATE memberships SET roles = $3, roles_since = $4 WHERE member_id = $1 AND club_id = $2 AND left_on IS NULL', [memberId, clubId, roles, effectiveOn]);
          break;
        }
        case 'MembershipEnded': {
          const { memberId, clubId, leftOn, reason } = event.data;
          await db.query('UPDATE memberships SET left_on = $3, end_reason = $4 WHERE member_id = $1 AND club_id = $2 AND left_on IS NULL', [memberId, clubId, leftOn, reason]);
          break;
        }
        case 'MemberDied':
          await memberTable.markDied(db, event.data.memberId, event.data.diedOn);
          break;
      }
    }
  },
};
