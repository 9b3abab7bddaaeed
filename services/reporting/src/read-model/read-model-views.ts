import { PoolClient } from 'pg';

/**
 * Makes each view in `public` named like a table of `schema` select from that table, creating or
 * replacing only the views that do not already show exactly its columns: a start of the service on an
 * unchanged generation takes no lock. In the caller's transaction, so a switch-over is atomic.
 */
export async function pointViewsAt(client: PoolClient, schema: string): Promise<void> {
  const stale = await client.query<{ name: string }>(
    `SELECT t.relname AS name
       FROM pg_class t
       JOIN pg_namespace tn ON tn.oid = t.relnamespace AND tn.nspname = $1
       LEFT JOIN pg_class v ON v.relname = t.relname AND v.relnamespace = 'public'::regnamespace AND v.relkind = 'v'
      WHERE t.relkind = 'r'
        AND (v.oid IS NULL
             OR NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid WHERE r.ev_class = v.oid AND d.refobjid = t.oid)
             OR (SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = t.oid AND attnum > 0 AND NOT attisdropped)
                IS DISTINCT FROM (SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = v.oid AND attnum > 0 AND NOT attisdropped))`,
    [schema],
  );
  if (stale.rows.length === 0) return;
  await client.query(
    stale.rows
      .map(({ name }) => `DROP VIEW IF EXISTS public.${identifier(name)}; CREATE VIEW public.${identifier(name)} AS SELECT * FROM ${identifier(schema)}.${identifier(name)};`)
      .join('\n'),
  );
}

/** Names come from the catalog and our own generation naming; quoted anyway, and checked. */
export function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not an identifier reporting creates: ${name}`);
  return `"${name}"`;
}
