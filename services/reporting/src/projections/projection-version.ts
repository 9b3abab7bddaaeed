import { Pool, PoolClient } from 'pg';

/**
 * How far the read models have got: one row per source, bumped in the same transaction as each batch
 * the projections apply. Read in the same snapshot as the read models, it names exactly the state an
 * answer was computed from, on either transport (Kafka's committed offsets trail the database).
 * The indicator cache keys on it, so a cached answer is never older than the read models.
 */
export const PROJECTION_VERSION_TABLE = `
CREATE TABLE IF NOT EXISTS rp_projection_version (
  source   text PRIMARY KEY,
  batches  bigint NOT NULL
);
-- Names this database's read models, so deployments or test runs sharing one Redis never share answers.
CREATE TABLE IF NOT EXISTS rp_read_model_identity (
  id  uuid PRIMARY KEY
);
INSERT INTO rp_read_model_identity (id) SELECT gen_random_uuid() WHERE NOT EXISTS (SELECT 1 FROM rp_read_model_identity);
`;

export async function bumpProjectionVersion(client: PoolClient, source: string): Promise<void> {
  await client.query(
    `INSERT INTO rp_projection_version (source, batches) VALUES ($1, 1)
     ON CONFLICT (source) DO UPDATE SET batches = rp_projection_version.batches + 1`,
    [source],
  );
}

/**
 * e.g. `<read-model id>/microfinance:12,registry:40` (sources in order; none before any batch). One
 * statement, so a cache lookup outside a transaction costs one round trip.
 */
export async function readProjectionVersion(db: Pool | PoolClient): Promise<string> {
  const r = await db.query<{ version: string }>(
    `SELECT coalesce((SELECT id::text FROM rp_read_model_identity LIMIT 1), '') || '/' ||
            coalesce((SELECT string_agg(source || ':' || batches, ',' ORDER BY source) FROM rp_projection_version), '') AS version`,
  );
  return r.rows[0].version;
}
