// Fresh, uniquely named databases on the local PostgreSQL server for every run (never a shared one), all
// dropped at the end, even when a suite fails.
import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

let server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The PostgreSQL server the run's databases are created on. */
export function serverUrl(): string {
  return server;
}

/** Another server for the rest of the run (the embedded mode's own: --embedded-postgres). */
export function useServer(url: string): void {
  server = url;
}

export interface BenchDatabase {
  name: string;
  url: string;
  /** A pool of `max` connections (default 10, the services' pool size). */
  pool(max?: number): Pool;
}

const created: string[] = [];
const pools: Pool[] = [];

export function databaseUrl(name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabase(label: string): Promise<BenchDatabase> {
  const name = `bench_${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`.toLowerCase();
  await onServer((c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  const url = databaseUrl(name);
  return {
    name,
    url,
    pool(max = 10) {
      const pool = new Pool({ connectionString: url, max });
      // A database dropped WITH (FORCE) ends idle clients: expected at teardown.
      pool.on('error', () => undefined);
      pools.push(pool);
      return pool;
    },
  };
}

/** Ends every pool and drops every database this run created. */
export async function dropAllDatabases(): Promise<void> {
  await Promise.all(pools.splice(0).map((p) => p.end().catch(() => undefined)));
  for (const name of created.splice(0)) {
    await onServer((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch((error: Error) => console.error(`bench: could not drop ${name}: ${error.message}`));
  }
}

async function onServer<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
