import { TestDatabase, createTestDatabase, describeWith } from '@ishc/testing';
import { isLockNotAvailable, withTransaction } from './with-transaction';

describeWith(['postgres'], 'withTransaction', () => {
  let db: TestDatabase;
  const names = async () => (await db.pool.query<{ name: string }>('SELECT name FROM things ORDER BY name')).rows.map((r) => r.name);

  beforeAll(async () => {
    db = await createTestDatabase('with_transaction');
    await db.pool.query('CREATE TABLE things (name text PRIMARY KEY)');
  });
  afterAll(() => db.drop());
  beforeEach(() => db.pool.query('TRUNCATE things'));

  it('given work that resolves, then its writes commit together and its answer is returned', async () => {
    const answer = await withTransaction(db.pool, async (client) => {
      await client.query("INSERT INTO things VALUES ('a'), ('b')");
      return 'done';
    });
    expect(answer).toBe('done');
    expect(await names()).toEqual(['a', 'b']);
  });

  it('given work that throws, then nothing of it stays and the error is passed on', async () => {
    const failing = withTransaction(db.pool, async (client) => {
      await client.query("INSERT INTO things VALUES ('c')");
      throw new Error('abort');
    });
    await expect(failing).rejects.toThrow('abort');
    expect(await names()).toEqual([]);
  });

  it('given a lock timeout and a lock held elsewhere, then the statement gives up (lock not available) and the timeout ends with the transaction', async () => {
    const holder = await db.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE things IN ACCESS EXCLUSIVE MODE');
      const waiting = withTransaction(db.pool, (client) => client.query("INSERT INTO things VALUES ('d')"), { lockTimeout: '100ms' });
      const error = await waiting.catch((e: unknown) => e);
      expect(isLockNotAvailable(error)).toBe(true);
      await holder.query('ROLLBACK');
    } finally {
      holder.release();
    }
    const setting = await withTransaction(db.pool, async (client) => (await client.query<{ lock_timeout: string }>('SHOW lock_timeout')).rows[0].lock_timeout);
    expect(setting).toBe('0');
    expect(isLockNotAvailable(new Error('other'))).toBe(false);
  });
});
