import { PoolClient } from 'pg';
import { ReadModelGeneration, searchPathOf } from './read-model-generation';

/**
 * Runs `work` inside the caller's transaction with the rp_* names meaning `generation`'s tables (not the
 * views onto the active one), then puts the search path back for what follows in the same transaction:
 * a transport's checkpoint or inbox rows, in `public`. On failure the transaction rolls back anyway.
 */
export async function writingInto<T>(client: PoolClient, generation: ReadModelGeneration, work: () => Promise<T>): Promise<T> {
  const before = await client.query<{ path: string }>(`SELECT current_setting('search_path') AS path, set_config('search_path', $1, true)`, [searchPathOf(generation)]);
  const result = await work();
  await client.query(`SELECT set_config('search_path', $1, true)`, [before.rows[0].path]);
  return result;
}
