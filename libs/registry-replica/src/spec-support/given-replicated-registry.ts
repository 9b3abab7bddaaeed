import { PoolClient } from 'pg';
import { CLUB_AND_ORG_UNIT_REPLICA_TABLES, replicateClubOrOrgUnitEvent } from '../club-and-org-unit-replica';
import { MEMBERSHIP_REPLICA_TABLES, replicateMembershipEvent } from '../membership-replica';
import { FakeRegistry, RegistryEventWrites, createFakeRegistry, registryEventWrites } from '../testing/fake-registry';

export interface ReplicatedRegistry {
  /** The registry's writes, each applied to the replica tables before it returns. */
  readonly registry: RegistryEventWrites;
  /** One connection to the database of the events and the replica tables, held for the whole block: to read the replica. */
  readonly client: PoolClient;
}

/**
 * A fake registry (the test kit's) for the describe block it is called in, whose appends the library's own apply
 * functions replicate at once into replica tables in the same database: the registry's events as the registry
 * writes them, replicated as a service's consumer would, without a service to start. Events no replica here
 * keeps (an erasure) are left alone, as a service's consumer leaves them to the service.
 */
export function givenReplicatedRegistry(prefix: string): ReplicatedRegistry {
  let fake: FakeRegistry | undefined;
  let writes: RegistryEventWrites | undefined;
  let client: PoolClient | undefined;
  beforeAll(async () => {
    const registry = await createFakeRegistry(prefix);
    fake = registry;
    await registry.db.pool.query(CLUB_AND_ORG_UNIT_REPLICA_TABLES + MEMBERSHIP_REPLICA_TABLES);
    writes = registryEventWrites(registry.events, async ({ events }) => {
      const replicating = await registry.db.pool.connect();
      try {
        for (const event of events) {
          if (!(await replicateClubOrOrgUnitEvent(event, replicating))) await replicateMembershipEvent(event, replicating);
        }
      } finally {
        replicating.release();
      }
    });
    client = await registry.db.pool.connect();
  });
  // The held connection goes back before the database is dropped (dropping waits for the pool's connections).
  afterAll(async () => {
    client?.release();
    await fake?.db.drop();
  });

  return {
    get registry() {
      if (!writes) throw new Error('the fake registry exists from beforeAll on');
      return writes;
    },
    get client() {
      if (!client) throw new Error('the connection is open from beforeAll on');
      return client;
    },
  };
}
