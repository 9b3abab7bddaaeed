import { Pool } from 'pg';

/**
 * The registry's own read tables, written in the same transaction as the events they reflect (an
 * inline projection): commands check references against them (a parent, a club's commune) and the
 * GET routes read them. The events stay the source of truth; these tables can be rebuilt from them.
 */
const MIGRATION = `
CREATE TABLE IF NOT EXISTS org_units (
  code         text PRIMARY KEY,
  name         text NOT NULL,
  level        text NOT NULL,
  parent_code  text,
  valid_from   date NOT NULL,
  valid_to     date,
  attributes   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS org_units_by_parent ON org_units (parent_code);
CREATE TABLE IF NOT EXISTS clubs (
  club_id         uuid PRIMARY KEY,
  name            text NOT NULL,
  commune_code    text NOT NULL,
  hamlet_code     text,
  established_on  date NOT NULL,
  dissolved_on    date
);
CREATE INDEX IF NOT EXISTS clubs_by_commune ON clubs (commune_code);
`;

export async function migrateRegistrySchema(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', ['ishc:registry-schema']);
    await client.query(MIGRATION);
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', ['ishc:registry-schema']).catch(() => undefined);
    client.release();
  }
}
