// Test databases whose pool is named as the harness's. A simulated crash ends every session on the
// database except these (crashing-pool.ts): they stand for the other processes and the test itself,
// which a crash does not touch, and which would otherwise trip over connections killed under them.
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from './test-fixtures';

export const HARNESS_APPLICATION_NAME = 'messaging-contract-harness';

export async function createHarnessDatabase(prefix: string): Promise<TestDatabase> {
  const db = await createTestDatabase(prefix);
  await db.pool.end();
  const pool = new Pool({ connectionString: db.url, max: 10, application_name: HARNESS_APPLICATION_NAME });
  // pool.end() resolves before its connections have closed, and drop()'s DROP DATABASE … WITH (FORCE)
  // may terminate them first: an idle client's error would then surface as an unhandled 'error' event.
  pool.on('error', () => undefined);
  return {
    url: db.url,
    name: db.name,
    pool,
    async drop() {
      await pool.end().catch(() => undefined);
      await db.drop();
    },
  };
}
