import { createTestDatabase, TestDatabase } from './test-fixtures';
import { migrateEventStore } from '../schema/migrate-event-store';

/** A fresh database with the event store's tables, for one suite (drop it in afterAll). */
export async function createEventStoreDatabase(prefix = 'es'): Promise<TestDatabase> {
  const db = await createTestDatabase(prefix);
  await migrateEventStore(db.pool);
  return db;
}
