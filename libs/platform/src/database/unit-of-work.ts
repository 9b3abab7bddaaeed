import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable } from '@nestjs/common';
import { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { PG_POOL } from '../tokens';
import { withTransaction } from './with-transaction';

/**
 * The ambient database transaction of a request or a job. `run` joins the transaction already open in
 * this async context (so the idempotency record, the event append and an inline projection commit or
 * roll back together), or opens one, commits when `fn` resolves and rolls back when it throws.
 * A joined `fn` that throws still fails the whole transaction: there are no savepoints, on purpose.
 */
@Injectable()
export class UnitOfWork {
  private readonly storage = new AsyncLocalStorage<PoolClient>();

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The client of the open transaction, if any. */
  get current(): PoolClient | undefined {
    return this.storage.getStore();
  }

  get inTransaction(): boolean {
    return this.current !== undefined;
  }

  async run<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    const ambient = this.current;
    if (ambient) return fn(ambient);
    return withTransaction(this.pool, (client) => this.storage.run(client, () => fn(client)));
  }

  /** A query in the ambient transaction if there is one, else on its own pooled connection. */
  query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>> {
    return (this.current ?? this.pool).query<R>(text, values);
  }
}
