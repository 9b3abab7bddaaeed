import { createHash } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { Migration } from './migration';
import { eventStoreMigrations } from './migrations';

/** The row prefix in `schema_migrations`; other libraries may keep their own steps there under their name. */
const COMPONENT = 'event-store';

// Every process of a service migrates at start; the transaction-scoped advisory lock makes the others wait
// for the first and then find nothing to do.
const LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtextextended('ishc:schema-migrations', 0))`;

/** Creates or upgrades the event store's tables (streams, events, checkpoints, leases) in `pool`'s database. */
export async function migrateEventStore(pool: Pool): Promise<void> {
  await applyMigrations(pool, COMPONENT, eventStoreMigrations);
}

export async function applyMigrations(pool: Pool, component: string, migrations: readonly Migration[]): Promise<void> {
  assertOrdered(migrations);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(LOCK_SQL);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        component  text NOT NULL,
        version    int NOT NULL,
        name       text NOT NULL,
        checksum   text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (component, version)
      )`);
    const applied = await appliedChecksums(client, component);
    for (const migration of migrations) {
      const checksum = checksumOf(migration);
      const existing = applied.get(migration.version);
      if (existing === undefined) {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (component, version, name, checksum) VALUES ($1, $2, $3, $4)', [
          component,
          migration.version,
          migration.name,
          checksum,
        ]);
      } else if (existing !== checksum) {
        // An edited migration would leave databases migrated before and after the edit silently different.
        throw new Error(`${component} migration ${migration.version} (${migration.name}) changed after it was applied; add a new migration instead`);
      }
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

async function appliedChecksums(client: PoolClient, component: string): Promise<Map<number, string>> {
  const { rows } = await client.query<{ version: number; checksum: string }>(
    'SELECT version, checksum FROM schema_migrations WHERE component = $1',
    [component],
  );
  return new Map(rows.map((r) => [r.version, r.checksum]));
}

function checksumOf(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration "${m.name}" has version ${m.version}, expected ${i + 1}`);
  });
}
