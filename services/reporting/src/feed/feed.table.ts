import { runLockedMigration } from '@ishc/platform';
import { Pool, PoolClient } from 'pg';

/** What the feed last published per org unit and month: the hash of its figures and its revision. */
const MIGRATION = `
CREATE TABLE IF NOT EXISTS rp_feed_snapshot (
  org_unit      text NOT NULL,
  month         text NOT NULL,
  content_hash  text NOT NULL,
  revision      integer NOT NULL,
  PRIMARY KEY (org_unit, month)
);
`;

export function migrateFeedTable(pool: Pool): Promise<void> {
  return runLockedMigration(pool, 'ishc:reporting-feed', MIGRATION);
}

export const feedTable = {
  async published(db: Pool | PoolClient): Promise<Map<string, { hash: string; revision: number }>> {
    const r = await db.query<{ org_unit: string; month: string; content_hash: string; revision: number }>('SELECT * FROM rp_feed_snapshot');
    return new Map(r.rows.map((row) => [`${row.org_unit}/${row.month}`, { hash: row.content_hash, revision: row.revision }]));
  },

  async record(db: Pool | PoolClient, orgUnit: string, month: string, hash: string, revision: number): Promise<void> {
    await db.query(
      `INSERT INTO rp_feed_snapshot (org_unit, month, content_hash, revision) VALUES ($1, $2, $3, $4)
       ON CONFLICT (org_unit, month) DO UPDATE SET content_hash = EXCLUDED.content_hash, revision = EXCLUDED.revision`,
      [orgUnit, month, hash, revision],
    );
  },
};
