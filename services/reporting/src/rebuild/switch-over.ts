import { isLockNotAvailable, withTransaction } from '@ishc/platform';
import { Pool } from 'pg';
import { generationTable } from '../read-model/generation.table';
import { ReadModelGeneration } from '../read-model/read-model-generation';
import { identifier, pointViewsAt } from '../read-model/read-model-views';

/**
 * Shorter than PostgreSQL's deadlock_timeout (1 s): a read that holds one view while the switch holds
 * another never meets a deadlock error, the switch gives way and tries again.
 */
const SWITCH_LOCK_TIMEOUT = '300ms';
const SWITCH_ATTEMPTS = 40;
/** How long a drop waits for reads still running on the old tables before it leaves them to the next start. */
const DROP_LOCK_TIMEOUT = '5s';

/**
 * Makes `generation` the active one: the generation table and every view in `public` change in one
 * transaction, so a read sees the old read models or the new ones, never a mix.
 */
export async function switchOver(pool: Pool, generation: ReadModelGeneration): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withTransaction(
        pool,
        async (client) => {
          await generationTable.activate(client, generation.number);
          await pointViewsAt(client, generation.schema);
        },
        { lockTimeout: SWITCH_LOCK_TIMEOUT },
      );
      return;
    } catch (error) {
      if (!isLockNotAvailable(error) || attempt >= SWITCH_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/**
 * Drops a retired or abandoned generation's tables. A read still running on them holds the drop back:
 * after a short wait it gives up (answering false), and the next start of the service drops them.
 */
export async function dropGeneration(pool: Pool, generation: ReadModelGeneration): Promise<boolean> {
  try {
    await withTransaction(
      pool,
      async (client) => {
        const droppable = await client.query(`SELECT 1 FROM rp_generation WHERE number = $1 AND state IN ('retired', 'abandoned') FOR UPDATE`, [generation.number]);
        if (droppable.rowCount !== 1) throw new Error(`generation ${generation.number} is not retired or abandoned: its tables stay`);
        await client.query(`DROP SCHEMA IF EXISTS ${identifier(generation.schema)} CASCADE`);
        await generationTable.markDropped(client, generation.number);
      },
      { lockTimeout: DROP_LOCK_TIMEOUT },
    );
    return true;
  } catch (error) {
    if (isLockNotAvailable(error)) return false;
    throw error;
  }
}
