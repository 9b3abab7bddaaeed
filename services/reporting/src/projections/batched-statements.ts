import { PoolClient } from 'pg';

/**
 * A kind of statement a projection applies to many events at once: a batch's rows go in, in event order,
 * and `apply` must leave exactly what applying them one at a time would.
 */
export interface BatchedStatement<Row> {
  /** The tables (or disjoint column sets of one) it reads or writes; statements sharing none commute. */
  readonly touches: readonly string[];
  /** Rows with the same key never share one `apply` (for statements that cannot merge such rows). */
  readonly distinctBy?: (row: Row) => string;
  apply(rows: readonly Row[], client: PoolClient): Promise<void>;
}

/**
 * Collects a batch's rows per statement and applies each statement once for many events (a rebuild then
 * costs a few statements per batch instead of one or more per event). Order is kept where it matters: a
 * row for a statement that does not commute with one already pending (they touch a common table) first
 * applies everything pending, so the pending statements always commute with each other and the
 * rows of each keep event order.
 */
export class StatementBatch {
  private readonly pending = new Map<BatchedStatement<never>, { rows: unknown[]; keys: Set<string> }>();

  constructor(private readonly client: PoolClient) {}

  async add<Row>(statement: BatchedStatement<Row>, row: Row): Promise<void> {
    const key = statement.distinctBy?.(row);
    if (this.mustWait(statement as BatchedStatement<unknown>, key)) await this.flush();
    let entry = this.pending.get(statement as BatchedStatement<never>);
    if (!entry) {
      entry = { rows: [], keys: new Set() };
      this.pending.set(statement as BatchedStatement<never>, entry);
    }
    entry.rows.push(row);
    if (key !== undefined) entry.keys.add(key);
  }

  /** Applies everything pending; the caller calls it once more after its last event. */
  async flush(): Promise<void> {
    for (const [statement, { rows }] of this.pending) await (statement as BatchedStatement<unknown>).apply(rows, this.client);
    this.pending.clear();
  }

  private mustWait(statement: BatchedStatement<unknown>, key: string | undefined): boolean {
    if (key !== undefined && this.pending.get(statement as BatchedStatement<never>)?.keys.has(key)) return true;
    for (const other of this.pending.keys()) {
      if (other !== statement && other.touches.some((table) => statement.touches.includes(table))) return true;
    }
    return false;
  }
}

/** PostgreSQL types of the columns a batched statement writes. */
export type ColumnType = 'uuid' | 'date' | 'text' | 'integer' | 'bigint' | 'boolean' | 'text[]' | 'jsonb';

type Columns<C extends string> = Readonly<Record<C, ColumnType>>;

/**
 * The rows as one parameter per column (unnest's arrays). Arrays of arrays are not a PostgreSQL type,
 * so text[] values travel as array literals and jsonb values as JSON text, each cast back per row.
 */
function parameters<C extends string>(columns: Columns<C>, rows: ReadonlyArray<Readonly<Record<C, unknown>>>): unknown[][] {
  return (Object.keys(columns) as C[]).map((column) => {
    const type = columns[column];
    if (type === 'text[]') return rows.map((row) => textArrayLiteral(row[column] as readonly string[] | null));
    if (type === 'jsonb') return rows.map((row) => (row[column] === null || row[column] === undefined ? null : JSON.stringify(row[column])));
    return rows.map((row) => row[column] ?? null);
  });
}

function textArrayLiteral(values: readonly string[] | null): string | null {
  if (values === null || values === undefined) return null;
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * `FROM unnest(...) WITH ORDINALITY AS v(columns..., ord)`, reduced to one row per key: the last in event
 * order (`keep: 'last'`) or the first. One statement may then not touch a row twice (ON CONFLICT DO UPDATE
 * refuses that), and PostgreSQL's own equality decides what a duplicate is.
 */
function distinctRows<C extends string>(columns: Columns<C>, key: readonly C[], keep: 'first' | 'last'): string {
  const names = Object.keys(columns) as C[];
  const params = names.map((c, i) => `$${i + 1}::${columns[c] === 'text[]' || columns[c] === 'jsonb' ? 'text' : columns[c]}[]`);
  const selected = names.map((c) => (columns[c] === 'text[]' || columns[c] === 'jsonb' ? `v.${c}::${columns[c]} AS ${c}` : `v.${c}`));
  return (
    `(SELECT DISTINCT ON (${key.map((k) => `v.${k}`).join(', ')}) ${selected.join(', ')}` +
    ` FROM unnest(${params.join(', ')}) WITH ORDINALITY AS v(${names.join(', ')}, ord)` +
    ` ORDER BY ${key.map((k) => `v.${k}`).join(', ')}, v.ord ${keep === 'last' ? 'DESC' : 'ASC'})`
  );
}

export interface UpsertSpec<C extends string, K extends C> {
  table: string;
  columns: Columns<C>;
  /** The conflict target (the primary key). */
  key: readonly K[];
  /** 'update': a later event's values win (every other column is set); 'nothing': the first row stays. */
  onConflict: 'update' | 'nothing';
  /** Default [table]. */
  touches?: readonly string[];
}

/** INSERT … ON CONFLICT over all of a batch's rows: the one-event upsert, once per batch. */
export function upsert<C extends string, K extends C>(spec: UpsertSpec<C, K>): BatchedStatement<Readonly<Record<C, unknown>>> {
  const names = Object.keys(spec.columns) as C[];
  const others = names.filter((c) => !(spec.key as readonly C[]).includes(c));
  const action = spec.onConflict === 'nothing' || others.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${others.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;
  const text =
    `INSERT INTO ${spec.table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM ${distinctRows(spec.columns, spec.key, spec.onConflict === 'update' ? 'last' : 'first')} d` +
    ` ON CONFLICT (${spec.key.join(', ')}) ${action}`;
  return {
    touches: spec.touches ?? [spec.table],
    async apply(rows, client) {
      if (rows.length > 0) await client.query(text, parameters(spec.columns, rows));
    },
  };
}

export interface UpdateSpec<C extends string, K extends C> {
  table: string;
  columns: Columns<C>;
  /** The row's identity; the other columns are set (the last event's values win). */
  key: readonly K[];
  touches?: readonly string[];
}

/** UPDATE … FROM over all of a batch's rows; a row whose key has no row in the table changes nothing. */
export function update<C extends string, K extends C>(spec: UpdateSpec<C, K>): BatchedStatement<Readonly<Record<C, unknown>>> {
  const names = Object.keys(spec.columns) as C[];
  const others = names.filter((c) => !(spec.key as readonly C[]).includes(c));
  const text =
    `UPDATE ${spec.table} t SET ${others.map((c) => `${c} = d.${c}`).join(', ')} FROM ${distinctRows(spec.columns, spec.key, 'last')} d` +
    ` WHERE ${spec.key.map((k) => `t.${k} = d.${k}`).join(' AND ')}`;
  return {
    touches: spec.touches ?? [spec.table],
    async apply(rows, client) {
      if (rows.length > 0) await client.query(text, parameters(spec.columns, rows));
    },
  };
}

/** The parameters of a custom multi-row statement, one array per column in `columns`' order. */
export function columnArrays<C extends string>(columns: Columns<C>, rows: ReadonlyArray<Readonly<Record<C, unknown>>>): unknown[][] {
  return parameters(columns, rows);
}
