// The heart of exactly-once effects over an at-least-once broker: the inbox rows and the handler's effect
// commit in one transaction of the consumer's database. Kafka offsets are only committed afterwards, so a
// crash in between redelivers events the inbox already holds, and they are skipped.
import type { PoolClient } from 'pg';
import type { ConsumerDefinition, TransportTracing } from '../transport.port';
import { admitToInbox, type InboxEntry } from './inbox';

export async function applyInTransaction(def: ConsumerDefinition, entries: InboxEntry[], tracing?: TransportTracing): Promise<void> {
  const client = await def.target.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const fresh = await admitToInbox(client, def.name, entries);
    if (fresh.length > 0) {
      const events = fresh.map((entry) => entry.event);
      const handle = () => def.handle(events, client);
      await (tracing?.aroundHandle ? tracing.aroundHandle(def.name, events, handle) : handle());
    }
    await client.query('COMMIT');
  } catch (error) {
    broken = await rollback(client);
    throw error;
  } finally {
    // A connection whose rollback failed is in an unknown state: the pool must discard it.
    client.release(broken);
  }
}

async function rollback(client: PoolClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
