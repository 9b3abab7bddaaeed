import { Pool, PoolClient } from 'pg';
import { runLockedMigration } from '../database/migrate';

/**
 * One row per (caller, key). Keys are scoped by the caller's `sub`, so one caller's key can neither
 * replay nor block another's request. The row is inserted and completed in the request's own
 * transaction: other transactions only ever see completed rows.
 */
const MIGRATION = `
CREATE TABLE IF NOT EXISTS idempotency_keys (
  actor             text NOT NULL,
  key               text NOT NULL,
  request_hash      text NOT NULL,
  status_code       integer,
  response_body     jsonb,
  consistency_token text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  completed_at      timestamptz,
  PRIMARY KEY (actor, key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_by_created_at ON idempotency_keys (created_at);
`;

export function migrateIdempotencyKeys(pool: Pool): Promise<void> {
  return runLockedMigration(pool, 'ishc:platform:idempotency_keys', MIGRATION);
}

export interface StoredResponse {
  requestHash: string;
  statusCode: number;
  body: unknown;
  consistencyToken: string | null;
}

/**
 * Claims the key for this transaction. A concurrent transaction holding the same key makes this wait
 * on the primary key until it ends; then the claim fails (it committed) or succeeds (it rolled back).
 */
export async function claimIdempotencyKey(client: PoolClient, actor: string, key: string, hash: string): Promise<boolean> {
  const inserted = await client.query(
    `INSERT INTO idempotency_keys (actor, key, request_hash) VALUES ($1, $2, $3)
     ON CONFLICT (actor, key) DO NOTHING`,
    [actor, key, hash],
  );
  return inserted.rowCount === 1;
}

/** The completed answer stored under a key (read after a failed claim, so it is committed). */
export async function findStoredResponse(client: PoolClient, actor: string, key: string): Promise<StoredResponse | null> {
  const { rows } = await client.query<{
    request_hash: string;
    status_code: number;
    response_body: unknown;
    consistency_token: string | null;
  }>(
    `SELECT request_hash, status_code, response_body, consistency_token
       FROM idempotency_keys WHERE actor = $1 AND key = $2 AND completed_at IS NOT NULL`,
    [actor, key],
  );
  const row = rows[0];
  return row
    ? { requestHash: row.request_hash, statusCode: row.status_code, body: row.response_body, consistencyToken: row.consistency_token }
    : null;
}

export async function completeIdempotencyKey(
  client: PoolClient,
  actor: string,
  key: string,
  response: Omit<StoredResponse, 'requestHash'>,
): Promise<void> {
  await client.query(
    `UPDATE idempotency_keys
        SET status_code = $3, response_body = $4::jsonb, consistency_token = $5, completed_at = now()
      WHERE actor = $1 AND key = $2`,
    [actor, key, response.statusCode, JSON.stringify(response.body ?? null), response.consistencyToken],
  );
}
