import { Pool, PoolClient } from 'pg';
import { comparePositions, Position, START } from '../types';

/**
 * Where a processor has got to, kept in the consumer's database next to its effects. Writes are
 * compare-and-set so that a processor that lost its place (a second instance, a reset) cannot overwrite a
 * newer checkpoint: its transaction sees `false` and rolls its effect back.
 */
export class CheckpointStore {
  async read(client: PoolClient | Pool, processorId: string, partition: string): Promise<Position> {
    const { rows } = await client.query<{ transaction_id: string; global_position: string }>(
      'SELECT transaction_id, global_position FROM checkpoints WHERE processor_id = $1 AND partition = $2',
      [processorId, partition],
    );
    return rows.length === 0 ? START : { transactionId: rows[0].transaction_id, globalPosition: rows[0].global_position };
  }

  /**
   * Moves the checkpoint from `expected` to `next`; false when it was not at `expected`. Row locks make it
   * race-free: a concurrent writer waits for ours to commit and then finds the checkpoint moved.
   */
  async compareAndSet(client: PoolClient, processorId: string, partition: string, expected: Position, next: Position): Promise<boolean> {
    const args = [processorId, partition, expected.transactionId, expected.globalPosition, next.transactionId, next.globalPosition];
    // "No row yet" and "a row at START" mean the same thing, so only a START expectation may create the row.
    const sql =
      comparePositions(expected, START) === 0
        ? `INSERT INTO checkpoints AS c (processor_id, partition, transaction_id, global_position)
           VALUES ($1, $2, $5::xid8, $6::bigint)
           ON CONFLICT (processor_id, partition) DO UPDATE
             SET transaction_id = excluded.transaction_id, global_position = excluded.global_position, updated_at = now()
             WHERE c.transaction_id = $3::xid8 AND c.global_position = $4::bigint`
        : `UPDATE checkpoints
           SET transaction_id = $5::xid8, global_position = $6::bigint, updated_at = now()
           WHERE processor_id = $1 AND partition = $2 AND transaction_id = $3::xid8 AND global_position = $4::bigint`;
    const result = await client.query(sql, args);
    return result.rowCount === 1;
  }
}
