import { ReplicatedEvent, replicateClubOrOrgUnitEvent } from '@ishc/registry-replica';
import { PoolClient } from 'pg';

export type { ReplicatedEvent } from '@ishc/registry-replica';

/**
 * Applies registry events to microfinance's replica (microfinance-schema.ts): clubs with their lifetime and
 * org units' dated parent links — all of it the shared clubs-and-org-units replica.
 */
export async function replicateRegistryEvents(events: readonly ReplicatedEvent[], client: PoolClient): Promise<void> {
  for (const event of events) await replicateClubOrOrgUnitEvent(event, client);
}
