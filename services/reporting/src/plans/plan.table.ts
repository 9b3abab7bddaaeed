import { runLockedMigration } from '@ishc/platform';
import { Pool, PoolClient } from 'pg';
import { PlanDefinedV1 } from './domain/plan';

type Db = Pool | PoolClient;

/**
 * The plans as last defined: an inline projection of reporting's own PlanDefined events, written in
 * the same transaction as the event. Kept apart from the projected read models of the other services'
 * events, so rebuilding those never touches plans.
 */
const MIGRATION = `
CREATE TABLE IF NOT EXISTS rp_plan (
  code        text PRIMARY KEY,
  definition  jsonb NOT NULL,
  version     bigint NOT NULL
);
`;

export function migratePlanTable(pool: Pool): Promise<void> {
  return runLockedMigration(pool, 'ishc:reporting-plans', MIGRATION);
}

export const planTable = {
  async find(db: Db, code: string): Promise<PlanDefinedV1 | null> {
    const r = await db.query<{ definition: PlanDefinedV1 }>('SELECT definition FROM rp_plan WHERE code = $1', [code]);
    return r.rows[0]?.definition ?? null;
  },

  async list(db: Db): Promise<PlanDefinedV1[]> {
    const r = await db.query<{ definition: PlanDefinedV1 }>('SELECT definition FROM rp_plan ORDER BY code');
    return r.rows.map((row) => row.definition);
  },

  async save(db: Db, plan: PlanDefinedV1, version: number): Promise<void> {
    await db.query(
      `INSERT INTO rp_plan (code, definition, version) VALUES ($1, $2, $3)
       ON CONFLICT (code) DO UPDATE SET definition = EXCLUDED.definition, version = EXCLUDED.version`,
      [plan.code, JSON.stringify(plan), version],
    );
  },
};
