import { PoolClient } from 'pg';
import { ReplicatingServiceTestApp } from './replicating-service-app';

export interface ReplicatingServiceClient {
  /** The service, started before all the describe block's tests (and closed after them). */
  readonly app: ReplicatingServiceTestApp;
  /** One connection to the service's database, held for the whole block: to read its replica tables directly. */
  readonly client: PoolClient;
}

/**
 * Given a replicating service started by `start` and prepared by `prepare` (e.g. its communes defined), and one
 * connection to its database, for the describe block it is called in: for specs that compare a service's own
 * statement over the replica tables with what the library's reads give.
 */
export function givenReplicatingServiceClient(
  start: () => Promise<ReplicatingServiceTestApp>,
  prepare: (app: ReplicatingServiceTestApp) => Promise<void>,
): ReplicatingServiceClient {
  let app: ReplicatingServiceTestApp | undefined;
  let client: PoolClient | undefined;
  beforeAll(async () => {
    app = await start();
    await prepare(app);
    client = await app.db.pool.connect();
  });
  afterAll(async () => {
    client?.release();
    await app?.close();
  });

  return {
    get app() {
      if (!app) throw new Error('the service is started from beforeAll on');
      return app;
    },
    get client() {
      if (!client) throw new Error('the connection is open from beforeAll on');
      return client;
    },
  };
}
