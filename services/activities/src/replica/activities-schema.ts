import { runLockedMigration } from '@ishc/platform';
import { CLUB_AND_ORG_UNIT_REPLICA_TABLES, MEMBERSHIP_REPLICA_TABLES } from '@ishc/registry-replica';
import { Pool } from 'pg';

/**
 * Activities' own tables. The replica of the registry (written by the registry-replica consumer in the same transaction as
 * its checkpoint): the clubs meetings and sessions are checked against, the members' memberships with their
 * dates (who may attend) and dated roles (who may visit as a home-care volunteer), and the dated parent links of org units the scope of a caller is checked on
 * — the shared replicas of libs/registry-replica, same tables as before they moved there.
 * Rebuildable from the registry's events. And the activity log of the club's records (see below).
 */
const MIGRATION = `
${CLUB_AND_ORG_UNIT_REPLICA_TABLES}${MEMBERSHIP_REPLICA_TABLES}-- The activity log (activity-log.table.ts): every record as its event describes it, written in the same
-- transaction as the event, plus the sensitive details kept out of the events (health-check measurements,
-- home-care services) and the person those details are about.
CREATE TABLE IF NOT EXISTS activity_log (
  record_id   uuid PRIMARY KEY,
  club_id     uuid NOT NULL,
  kind        text NOT NULL,
  on_date     date NOT NULL,
  record      jsonb NOT NULL,
  details     jsonb,
  subject_id  uuid
);
CREATE INDEX IF NOT EXISTS activity_log_by_club_date ON activity_log (club_id, on_date);
CREATE INDEX IF NOT EXISTS activity_log_by_subject ON activity_log (subject_id) WHERE subject_id IS NOT NULL;
`;

export function migrateActivitiesSchema(pool: Pool): Promise<void> {
  return runLockedMigration(pool, 'ishc:activities-schema', MIGRATION);
}
