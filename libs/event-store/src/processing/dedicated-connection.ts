import { Client, Pool } from 'pg';

// These connections never hold a transaction open on purpose; if a bug ever leaves one idle in a
// transaction, the server ends it rather than let it stall every subscriber in the cluster.
const IDLE_IN_TRANSACTION_TIMEOUT = '60s';

/**
 * A connection outside the pool (same settings), for session state the pool must not share or recycle:
 * advisory locks and LISTEN. `onLost` is called once if the connection fails or the server ends it;
 * without that listener an idle client's error would crash the process.
 */
export async function openDedicatedConnection(pool: Pool, applicationName: string, onLost: (err: Error) => void): Promise<Client> {
  const client = new Client({ ...pool.options, application_name: applicationName.slice(0, 63) });
  // Failures while connecting reject this function instead; onLost is only for a connection once it is up.
  let state: 'connecting' | 'up' | 'lost' = 'connecting';
  const lose = (err: Error) => {
    if (state !== 'up') return;
    state = 'lost';
    onLost(err);
  };
  client.on('error', lose);
  client.on('end', () => lose(new Error(`${applicationName}: connection ended`)));
  try {
    await client.connect();
    await client.query(`SET idle_in_transaction_session_timeout = '${IDLE_IN_TRANSACTION_TIMEOUT}'`);
  } catch (err) {
    state = 'lost';
    await closeQuietly(client);
    throw err;
  }
  state = 'up';
  return client;
}

/** Ends a dedicated connection, ignoring that it may already be gone. */
export async function closeQuietly(client: Client): Promise<void> {
  await client.end().catch(() => undefined);
}
