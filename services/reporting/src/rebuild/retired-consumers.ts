import { withTransaction } from '@ishc/platform';
import { Pool } from 'pg';
import { generationNumbered } from '../read-model/read-model-generation';

/**
 * The consumers of the generations that will never run again: retired (a newer one took over) or
 * abandoned, and whose tables are dropped already (the drop comes first: until then their generation is
 * still being cleaned up). The active and the building generation's consumers are never among them.
 */
export async function retiredConsumers(pool: Pool): Promise<string[]> {
  const r = await pool.query<{ number: number }>(
    `SELECT number FROM rp_generation WHERE state IN ('retired', 'abandoned') AND dropped_at IS NOT NULL ORDER BY number`,
  );
  return r.rows.map((row) => generationNumbered(row.number).consumer);
}

/**
 * The transports' bookkeeping of a consumer, in its own database: the embedded transport's checkpoints and
 * leases (keyed by processor id = consumer name) and the Kafka consumer's inbox (keyed by consumer). A
 * table the transport in use never created is skipped.
 */
const BOOKKEEPING = [
  { table: 'checkpoints', key: 'processor_id' },
  { table: 'processor_leases', key: 'processor_id' },
  { table: 'messaging_inbox', key: 'consumer' },
] as const;

/** Deletes `consumers`' bookkeeping rows; idempotent (none left is nothing to do). */
export async function deleteConsumerRows(pool: Pool, consumers: string[]): Promise<void> {
  if (consumers.length === 0) return;
  await withTransaction(pool, async (client) => {
    for (const { table, key } of BOOKKEEPING) {
      const exists = await client.query<{ found: string | null }>(`SELECT to_regclass($1) AS found`, [`public.${table}`]);
      if (exists.rows[0].found) await client.query(`DELETE FROM public.${table} WHERE ${key} = ANY($1::text[])`, [consumers]);
    }
  });
}
