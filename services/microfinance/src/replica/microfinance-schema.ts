import { runLockedMigration } from '@ishc/platform';
import { CLUB_AND_ORG_UNIT_REPLICA_TABLES } from '@ishc/registry-replica';
import { Pool } from 'pg';

/**
 * Microfinance's replica of the registry (written by the registry-replica consumer in the same
 * transaction as its checkpoint): the clubs commands check funds against, and the dated parent links of
 * org units the scope of a caller is checked on. Rebuildable from the registry's events.
 */
const MIGRATION = `
${CLUB_AND_ORG_UNIT_REPLICA_TABLES}`;

export function migrateMicrofinanceSchema(pool: Pool): Promise<void> {
  return runLockedMigration(pool, 'ishc:microfinance-schema', MIGRATION);
}
