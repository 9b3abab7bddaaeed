import { Pool, PoolClient } from 'pg';

export interface StatementCountingPool {
  /** End it when done (`pool.end()`): it is the test's own. */
  readonly pool: Pool;
  /** Statements run by the pool's clients since it was last set (to 0) by the test. */
  statements: number;
}

/**
 * A pool of the test's own, on the same database as `like` with at most `max` clients, each statement of its
 * clients counted: the service's pool is shared with the projections, whose statements would count too.
 */
export function statementCountingPool(like: Pool, max = 2): StatementCountingPool {
  const counting: StatementCountingPool = { pool: new Pool({ ...like.options, max }), statements: 0 };
  counting.pool.on('connect', (client: PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      counting.statements++;
      return query(...args);
    }) as PoolClient['query'];
  });
  return counting;
}
