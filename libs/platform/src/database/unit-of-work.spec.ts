import { TestDatabase, createTestDatabase, describeWith } from '@ishc/testing';
import { UnitOfWork } from './unit-of-work';

describeWith(['postgres'], 'UnitOfWork', () => {
  let db: TestDatabase;
  let uow: UnitOfWork;
  const names = async () => (await db.pool.query<{ name: string }>('SELECT name FROM things ORDER BY name')).rows.map((r) => r.name);

  beforeAll(async () => {
    db = await createTestDatabase('uow');
    await db.pool.query('CREATE TABLE things (name text PRIMARY KEY)');
    uow = new UnitOfWork(db.pool);
  });
  afterAll(() => db.drop());
  beforeEach(() => db.pool.query('TRUNCATE things'));

  it('joins the ambient transaction instead of opening another', async () => {
    await uow.run(async (outer) => {
      const outerTx = (await outer.query('SELECT pg_current_xact_id()::text AS tx')).rows[0].tx;
      const innerTx = await uow.run(async (inner) => (await inner.query('SELECT pg_current_xact_id()::text AS tx')).rows[0].tx);
      expect(innerTx).toBe(outerTx);
      await uow.query("INSERT INTO things VALUES ('a')");
      expect(uow.inTransaction).toBe(true);
    });
    expect(uow.inTransaction).toBe(false);
    expect(await names()).toEqual(['a']);
  });

  it('rolls back everything, the joined work included, when the work throws', async () => {
    await expect(
      uow.run(async (client) => {
        await client.query("INSERT INTO things VALUES ('b')");
        await uow.run(async (inner) => inner.query("INSERT INTO things VALUES ('c')"));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await names()).toEqual([]);
  });

  it('keeps separate requests in separate transactions', async () => {
    const [first, second] = await Promise.all([
      uow.run(async (c) => (await c.query('SELECT pg_current_xact_id()::text AS tx')).rows[0].tx),
      uow.run(async (c) => (await c.query('SELECT pg_current_xact_id()::text AS tx')).rows[0].tx),
    ]);
    expect(first).not.toBe(second);
  });
});
