import { TestDatabase, createTestDatabase, describeWith } from '@ishc/testing';
import { READ_MODEL_TABLES, migrateReportingSchema } from '../projections/reporting-schema';
import { generationTable } from './generation.table';
import { generationNumbered } from './read-model-generation';

describeWith(['postgres'], 'read-model generations in the database', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('reporting_generations');
  });
  afterEach(() => db?.drop());

  const viewTarget = async (view: string) =>
    (await db.pool.query<{ definition: string }>(`SELECT definition FROM pg_views WHERE schemaname = 'public' AND viewname = $1`, [view])).rows[0]?.definition;

  it('given a fresh database, when migrated, then generation 0 is active and public has a view per table onto its schema', async () => {
    await migrateReportingSchema(db.pool);
    await migrateReportingSchema(db.pool); // again: nothing changes
    expect(await generationTable.active(db.pool)).toEqual(generationNumbered(0));
    const views = await db.pool.query<{ viewname: string }>(`SELECT viewname FROM pg_views WHERE schemaname = 'public' ORDER BY 1`);
    expect(views.rows.map((r) => r.viewname)).toEqual([...READ_MODEL_TABLES].sort());
    expect(await viewTarget('rp_club')).toContain('rp_generation_0.rp_club');
    // Writes through a view land in the generation's table (the projection specs write that way).
    await db.pool.query(`INSERT INTO rp_org_unit (code, name, level, valid_from) VALUES ('VN', 'Việt Nam', 'country', '1976-07-02')`);
    expect((await db.pool.query('SELECT code FROM rp_generation_0.rp_org_unit')).rows).toEqual([{ code: 'VN' }]);
  });

  it('given a database from before generations (tables in public), when migrated, then its tables and rows move into generation 0', async () => {
    await migrateReportingSchema(db.pool);
    await db.pool.query(`INSERT INTO rp_org_unit (code, name, level, valid_from) VALUES ('VN', 'Việt Nam', 'country', '1976-07-02')`);
    // Back to the old layout: the tables in public, no views, no generation table.
    for (const table of READ_MODEL_TABLES) await db.pool.query(`DROP VIEW public.${table}; ALTER TABLE rp_generation_0.${table} SET SCHEMA public`);
    await db.pool.query('DROP TABLE rp_generation; DROP SCHEMA rp_generation_0');

    await migrateReportingSchema(db.pool);
    expect((await db.pool.query('SELECT code FROM rp_org_unit')).rows).toEqual([{ code: 'VN' }]);
    expect((await db.pool.query('SELECT code FROM rp_generation_0.rp_org_unit')).rows).toEqual([{ code: 'VN' }]);
    expect(await viewTarget('rp_org_unit')).toContain('rp_generation_0.rp_org_unit');
  });

  it('given a building generation, when migrated, then it has its own empty tables and the views stay on the active one', async () => {
    await migrateReportingSchema(db.pool);
    const building = await generationTable.startNext(db.pool);
    expect(building).toMatchObject({ number: 1, state: 'building', schema: 'rp_generation_1' });
    expect(await generationTable.startNext(db.pool)).toBeNull(); // one building at a time
    await migrateReportingSchema(db.pool, generationNumbered(1));
    expect((await db.pool.query('SELECT count(*)::int AS n FROM rp_generation_1.rp_club')).rows[0].n).toBe(0);
    expect(await viewTarget('rp_club')).toContain('rp_generation_0.rp_club');
    // Each generation names its own read models: the indicator cache never mixes their answers.
    const ids = await db.pool.query(`SELECT (SELECT id FROM rp_generation_0.rp_read_model_identity) <> (SELECT id FROM rp_generation_1.rp_read_model_identity) AS differ`);
    expect(ids.rows[0].differ).toBe(true);
  });
});
