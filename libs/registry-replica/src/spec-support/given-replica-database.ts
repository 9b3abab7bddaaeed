import { TestDatabase, createTestDatabase } from '@ishc/testing';
import { Pool, PoolClient } from 'pg';
import { ReplicatedEvent } from '../club-and-org-unit-replica';

/** One of the replicas' apply functions: true when it handled the event, false when it leaves it to the caller. */
type Replicate = (event: ReplicatedEvent, client: PoolClient) => Promise<boolean>;

export interface ReplicaUnderTest {
  /** The fresh database (from beforeAll on). */
  readonly pool: Pool;
  /** Replicates `events` in order; each must be one the replica handles. */
  apply(events: ReplicatedEvent[]): Promise<void>;
  /** Replicates one event and answers whether the replica handled it. */
  replicate(event: ReplicatedEvent): Promise<boolean>;
}

/**
 * A fresh database for the describe block it is called in (created before all its tests, dropped after),
 * prepared by `tables` (the replica's DDL, or a function for a database with a history), and the replica
 * function `replicate` applying events to it as the consumer would, on a connection of its own.
 */
export function givenReplicaDatabase(name: string, tables: string | ((pool: Pool) => Promise<void>), replicate: Replicate): ReplicaUnderTest {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(name);
    await (typeof tables === 'string' ? db.pool.query(tables) : tables(db.pool));
  });
  afterAll(() => db?.drop());

  const pool = (): Pool => {
    if (!db) throw new Error('the replica database exists from beforeAll on');
    return db.pool;
  };
  const replicateOne = async (event: ReplicatedEvent): Promise<boolean> => {
    const client = await pool().connect();
    try {
      return await replicate(event, client);
    } finally {
      client.release();
    }
  };
  return {
    get pool() {
      return pool();
    },
    replicate: replicateOne,
    async apply(events) {
      for (const event of events) expect({ type: event.type, handled: await replicateOne(event) }).toEqual({ type: event.type, handled: true });
    },
  };
}
