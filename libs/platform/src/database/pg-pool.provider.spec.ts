import { Pool } from 'pg';
import { createTestDatabase, describeWith, TestDatabase } from '@ishc/testing';
import { survivingIdleClientErrors } from './pg-pool.provider';

describeWith(['postgres'], 'a service pool whose idle connection the server ends', () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase('pool_errors');
    pool = survivingIdleClientErrors(new Pool({ connectionString: db.url, max: 2, application_name: 'pool-under-test' }));
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('hears the error instead of crashing, and the next query opens a new connection', async () => {
    const before = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const lost = new Promise<Error>((resolve) => pool.once('error', resolve));
    await db.pool.query('SELECT pg_terminate_backend($1)', [before]);
    expect((await lost).message).toMatch(/terminating connection/);
    const after = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    expect(after).not.toBe(before);
  });
});
