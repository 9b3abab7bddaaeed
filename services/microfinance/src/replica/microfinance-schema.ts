import { runLockedMigration } from '@ishc/platform';
import { CLUB_AND_ORG_UNIT_REPLICA_TABLES, MEMBERSHIP_REPLICA_TABLES } from '@ishc/registry-replica';
import { Pool } from 'pg';
import { LOAN_DETAIL_TABLE } from '../loans/loan-detail.table';

/**
 * Microfinance's replica of the registry (written by the registry-replica consumer in the same
 * transaction as its checkpoint): the clubs commands check funds against, the members' memberships with
 * their dates (who may borrow) and dated roles (the replica shared with activities), and the dated parent
 * links of org units the scope of a caller is checked on. Rebuildable from the registry's events. Plus the loans' own table (loan-detail.table.ts), written with
 * the loan's events.
 */
const MIGRATION = `
${CLUB_AND_ORG_UNIT_REPLICA_TABLES}${MEMBERSHIP_REPLICA_TABLES}${LOAN_DETAIL_TABLE}`;

export function migrateMicrofinanceSchema(pool: Pool): Promise<void> {
  return runLockedMigration(pool, 'ishc:microfinance-schema', MIGRATION);
}
