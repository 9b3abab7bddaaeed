import { createTestDatabase, describeWith, TestDatabase } from '../spec-support/test-fixtures';
import { migrateEventStore } from './migrate-event-store';
import { eventStoreMigrations } from './migrations';

describeWith(['postgres'], 'migrateEventStore', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('es_migrate');
  });
  afterAll(() => db.drop());

  it('creates every table once when several processes migrate at the same moment, and is idempotent after', async () => {
    await Promise.all([1, 2, 3, 4].map(() => migrateEventStore(db.pool)));
    await migrateEventStore(db.pool);

    const { rows: tables } = await db.pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(['checkpoints', 'events', 'processor_leases', 'schema_migrations', 'streams']);

    const { rows: applied } = await db.pool.query<{ version: number }>(`SELECT version FROM schema_migrations WHERE component = 'event-store' ORDER BY version`);
    expect(applied.map((r) => r.version)).toEqual(eventStoreMigrations.map((m) => m.version));
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    await db.pool.query(`UPDATE schema_migrations SET checksum = 'edited' WHERE component = 'event-store' AND version = 1`);
    await expect(migrateEventStore(db.pool)).rejects.toThrow(/changed after it was applied/);
  });
});
