// Each service owns a database `ishc_<service>` on one server; the launchers create the missing ones
// (services create their own tables, but a database has to exist before anyone can connect to it).
import { Client } from 'pg';

/** Creates the databases that do not exist yet; returns the names it created. */
export async function ensureDatabases(serverUrl: string, names: readonly string[]): Promise<string[]> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const existing = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname = ANY($1)', [
      names,
    ]);
    const present = new Set(existing.rows.map((r) => r.datname));
    const created: string[] = [];
    for (const name of names.filter((n) => !present.has(n))) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
        created.push(name);
      } catch (error) {
        // 42P04 duplicate_database: another launcher created it between our check and our CREATE.
        if (!(error instanceof Error && 'code' in error && error.code === '42P04')) throw error;
      }
    }
    return created;
  } finally {
    await client.end();
  }
}

/** Undefined when a connection succeeds, else why it failed. */
export async function connectionProblem(url: string): Promise<string | undefined> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL with its password hidden, for messages. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

/** The same server, another database. */
export function databaseUrl(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}
