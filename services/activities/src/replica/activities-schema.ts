import { runLockedMigration } from '@ishc/platform';
import { CLUB_AND_ORG_UNIT_REPLICA_TABLES } from '@ishc/registry-replica';
import { Pool } from 'pg';

/**
 * Activities' own tables. The replica of the registry (written by the registry-replica consumer in the same transaction as
 * its checkpoint): the clubs meetings and sessions are checked against, the members' memberships with their
 * dates (who may attend) and dated roles (who may visit as a home-care volunteer), and the dated parent links of org units the scope of a caller is checked on.
 * Rebuildable from the registry's events. And the activity log of the club's records (see below).
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
-- The roles of each membership over time: from the joining day, then from each change's effective day.
CREATE TABLE IF NOT EXISTS membership_role_replica (
  member_id  uuid NOT NULL,
  club_id    uuid NOT NULL,
  joined_on  date NOT NULL,
  since      date NOT NULL,
  roles      text[] NOT NULL,
  PRIMARY KEY (member_id, club_id, joined_on, since)
);
-- The activity log (activity-log.table.ts): every record as its event describes it, written in the same
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
