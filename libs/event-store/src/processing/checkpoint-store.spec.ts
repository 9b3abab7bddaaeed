import { describeWith, TestDatabase } from '../spec-support/test-fixtures';
import { PoolClient } from 'pg';
import { createEventStoreDatabase } from '../spec-support/event-store-database';
import { Position, START } from '../types';
import { CheckpointStore } from './checkpoint-store';

const p = (transactionId: string, globalPosition: string): Position => ({ transactionId, globalPosition });

describeWith(['postgres'], 'CheckpointStore', () => {
  let db: TestDatabase;
  const checkpoints = new CheckpointStore();

  beforeAll(async () => {
    db = await createEventStoreDatabase('es_checkpoint');
  });
  afterAll(() => db.drop());

  async function withClient<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await db.pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }

  it('reads START when nothing was stored', async () => {
    expect(await checkpoints.read(db.pool, 'never-ran', 'all')).toEqual(START);
  });

  it('moves only from the expected position, keeping processors and partitions apart', async () => {
    await withClient(async (client) => {
      expect(await checkpoints.compareAndSet(client, 'proj', 'all', START, p('10', '3'))).toBe(true);
      expect(await checkpoints.compareAndSet(client, 'proj', 'all', START, p('11', '4'))).toBe(false);
      expect(await checkpoints.compareAndSet(client, 'proj', 'all', p('10', '2'), p('11', '4'))).toBe(false);
      expect(await checkpoints.compareAndSet(client, 'proj', 'all', p('10', '3'), p('12', '5'))).toBe(true);
      expect(await checkpoints.compareAndSet(client, 'proj', 'p1', START, p('9', '1'))).toBe(true);
      expect(await checkpoints.compareAndSet(client, 'other', 'all', p('10', '3'), p('12', '5'))).toBe(false);
    });
    expect(await checkpoints.read(db.pool, 'proj', 'all')).toEqual(p('12', '5'));
    expect(await checkpoints.read(db.pool, 'proj', 'p1')).toEqual(p('9', '1'));
    expect(await checkpoints.read(db.pool, 'other', 'all')).toEqual(START);
  });

  it('stores xid8 and bigint values beyond the JS safe integer range exactly', async () => {
    const big = p('9007199254740993', '9007199254740995');
    await withClient((client) => checkpoints.compareAndSet(client, 'big', 'all', START, big));
    expect(await checkpoints.read(db.pool, 'big', 'all')).toEqual(big);
  });

  it.each([
    ['from START (both would create the row)', START],
    ['from a stored position', p('20', '7')],
  ])('lets exactly one of two overlapping transactions win %s', async (_name, from) => {
    const id = `race-${from.globalPosition}`;
    if (from !== START) await withClient((client) => checkpoints.compareAndSet(client, id, 'all', START, from));
    const a = await db.pool.connect();
    const b = await db.pool.connect();
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      expect(await checkpoints.compareAndSet(a, id, 'all', from, p('30', '8'))).toBe(true);
      const second = checkpoints.compareAndSet(b, id, 'all', from, p('31', '9')); // waits on A's row lock
      await a.query('COMMIT');
      expect(await second).toBe(false);
      await b.query('COMMIT');
    } finally {
      a.release();
      b.release();
    }
    expect(await checkpoints.read(db.pool, id, 'all')).toEqual(p('30', '8'));
  });

  it('rolls back with the transaction it was written in', async () => {
    await withClient(async (client) => {
      await client.query('BEGIN');
      await checkpoints.compareAndSet(client, 'rolled-back', 'all', START, p('5', '5'));
      await client.query('ROLLBACK');
    });
    expect(await checkpoints.read(db.pool, 'rolled-back', 'all')).toEqual(START);
  });
});
