import { QueryResult, QueryResultRow } from 'pg';

/** A Pool or a PoolClient: reads run on the caller's transaction when it passes one. */
export interface Queryable {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}
