import { runLockedMigration } from '@ishc/platform';
import { CLUB_AND_ORG_UNIT_REPLICA_TABLES } from '@ishc/registry-replica';
import { Pool } from 'pg';

/**
 * Activities' replica of the registry (written by the registry-replica consumer in the same transaction as
 * its checkpoint): the clubs meetings and sessions are checked against, the members' memberships with their
 * dates (who may attend), and the dated parent links of org units the scope of a caller is checked on.
 * Rebuildable from the registry's events.
 */
const MIGRATION = `
${CLUB_AND_ORG_UNIT_REPLICA_TABLES}CREATE TABLE IF NOT EXISTS member_replica (
  member_id  uuid PRIMARY KEY,
  died_on    date
);
CREATE TABLE IF NOT EXISTS membership_replica (
  member_id  uuid NOT NULL,
  club_id    uuid NOT NULL,
  joined_on  date NOT NULL,
  left_on    date,
  PRIMARY KEY (member_id, club_id, joined_on)
);
`;

export function migrateActivitiesSchema(pool: Pool): Promise<void> {
  return runLockedMigration(pool, 'ishc:activities-schema', MIGRATION);
}
