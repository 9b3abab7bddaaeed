import { runLockedMigration } from '@ishc/platform';
import { Pool } from 'pg';

/**
 * Microfinance's replica of the registry (written by the registry-replica consumer in the same
 * transaction as its checkpoint): the clubs commands check funds against, and the dated parent links of
 * org units the scope of a caller is checked on. Rebuildable from the registry's events.
 */
const MIGRATION = `
CREATE TABLE IF NOT EXISTS club_replica (
  club_id         uuid PRIMARY KEY,
  commune_code    text NOT NULL,
  established_on  date NOT NULL,
  dissolved_on    date
);
CREATE TABLE IF NOT EXISTS org_unit_replica (
  code        text PRIMARY KEY,
  valid_from  date NOT NULL,
  valid_to    date
);
CREATE TABLE IF NOT EXISTS org_unit_parent_replica (
  code         text NOT NULL,
  parent_code  text NOT NULL,
  valid_from   date NOT NULL,
  valid_to     date,
  PRIMARY KEY (code, valid_from)
);
`;

export function migrateMicrofinanceSchema(pool: Pool): Promise<void> {
  return runLockedMigration(pool, 'ishc:microfinance-schema', MIGRATION);
}
