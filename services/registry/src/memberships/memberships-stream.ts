import { MEMBERSHIPS_STREAM, membershipsStreamId } from '@ishc/contracts';
import { PostgresEventStore, decideAndAppend } from '@ishc/event-store';
import { Actor, commandMetadata } from '@ishc/platform';
import { PoolClient } from 'pg';
import { MembershipsEvent, MembershipsState, evolveMemberships, initialMembershipsState } from './domain/memberships';
import { membershipTable } from './membership.table';

/**
 * Decides a command on the person's memberships stream and updates the memberships table in the same
 * transaction. The stream's expected version makes concurrent joins (to any clubs) give one winner:
 * the others are decided again on the fresh state and break "one active membership".
 */
export async function decideOnMemberships<Command>(
  store: PostgresEventStore,
  client: PoolClient,
  memberId: string,
  decide: (command: Command, state: MembershipsState) => MembershipsEvent[],
  command: Command,
  actor: Actor,
): Promise<{ events: MembershipsEvent[]; state: MembershipsState }> {
  const outcome = await decideAndAppend(store, {
    streamId: membershipsStreamId(memberId),
    streamType: MEMBERSHIPS_STREAM,
    decider: { decide, evolve: evolveMemberships, initialState: initialMembershipsState },
    command,
    client,
    metadata: commandMetadata(actor),
  });
  await membershipTable.apply(client, outcome.events);
  return { events: outcome.events, state: outcome.state };
}
