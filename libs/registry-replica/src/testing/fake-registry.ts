import {
  CLUB_STREAM,
  MEMBERSHIPS_STREAM,
  MEMBER_STREAM,
  MemberRegisteredV1,
  MembershipRole,
  ORG_UNIT_STREAM,
  OrgUnitDefinedV1,
  clubStreamId,
  memberStreamId,
  membershipsStreamId,
  orgUnitStreamId,
} from '@ishc/contracts';
import { AppendResult, NewEvent, PostgresEventStore, migrateEventStore } from '@ishc/event-store';
import { RunningConsumer } from '@ishc/messaging';
import { TestDatabase, createTestDatabase } from '@ishc/testing';
import { randomUUID } from 'node:crypto';

/**
 * A registry event store of a test's own (a fresh database), for a service that replicates the registry:
 * the registry's events are its contract, the registry service is not needed. Point the service's
 * REGISTRY_DATABASE_URL at `db.url` (embedded transport).
 */
export interface FakeRegistry {
  db: TestDatabase;
  events: PostgresEventStore;
}

export async function createFakeRegistry(prefix: string): Promise<FakeRegistry> {
  const db = await createTestDatabase(prefix);
  await migrateEventStore(db.pool);
  return { db, events: new PostgresEventStore(db.pool) };
}

/** Registry events as the registry writes them, each awaited until the service's replica has applied it. */
export interface RegistryEventWrites {
  /** Appends OrgUnitDefined and waits until the replica has it. */
  defineUnit(unit: Omit<OrgUnitDefinedV1, 'attributes'>): Promise<void>;
  /** Appends ClubEstablished; waits for the replica unless `replicated` is false. */
  establishClub(communeCode: string, establishedOn: string, options?: { replicated?: boolean; clubId?: string }): Promise<string>;
  dissolveClub(clubId: string, dissolvedOn: string): Promise<void>;
  /**
   * Appends MemberRegistered to the person's member stream (the registry's `POST /members`; the personal
   * data is a dummy ciphertext); waits for the replica unless `replicated` is false.
   */
  registerMember(communeCode: string, options?: { replicated?: boolean; memberId?: string }): Promise<string>;
  /** Appends MemberJoinedClub to the person's memberships stream; waits for the replica unless `replicated` is false. */
  joinClub(clubId: string, joinedOn: string, options?: { replicated?: boolean; memberId?: string; roles?: MembershipRole[] }): Promise<string>;
  /** Appends MembershipRolesChanged (the registry's `PUT …/roles`). */
  changeRoles(memberId: string, clubId: string, roles: MembershipRole[], effectiveOn: string): Promise<void>;
  /** Appends MemberErased (the registry's crypto-shredding). */
  erase(memberId: string): Promise<void>;
  /** Appends MembershipEnded (`leftOn` exclusive). */
  leaveClub(memberId: string, clubId: string, leftOn: string): Promise<void>;
  /** Appends MembershipEnded (reason `died`) and MemberDied. */
  die(memberId: string, clubId: string, diedOn: string): Promise<void>;
}

/** Waits until the consumer (the service's registry replica) has applied an append; `consumer` is asked once the app runs. */
export function untilReplicatedBy(consumer: () => RunningConsumer, timeoutMs: number): (result: AppendResult) => Promise<void> {
  return async (result) => {
    const running = consumer();
    const deadline = Date.now() + timeoutMs;
    while (!(await running.isProcessed('registry', result.lastPosition))) {
      if (Date.now() > deadline) throw new Error(`the registry replica did not catch up within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  };
}

export function registryEventWrites(events: PostgresEventStore, replicated: (result: AppendResult) => Promise<void>): RegistryEventWrites {
  const appendTo = (streamId: string, streamType: string, newEvents: NewEvent[]) => events.append(streamId, streamType, newEvents, { expectedVersion: 'any' });
  return {
    async defineUnit(unit) {
      await replicated(await appendTo(orgUnitStreamId(unit.code), ORG_UNIT_STREAM, [{ type: 'OrgUnitDefined', data: { ...unit, attributes: {} } }]));
    },
    async establishClub(communeCode, establishedOn, options = {}) {
      const clubId = options.clubId ?? randomUUID();
      const result = await events.append(
        clubStreamId(clubId),
        CLUB_STREAM,
        [{ type: 'ClubEstablished', data: { clubId, name: `CLB ${clubId.slice(0, 4)}`, communeCode, hamletCode: null, establishedOn } }],
        { expectedVersion: 'no_stream' },
      );
      if (options.replicated ?? true) await replicated(result);
      return clubId;
    },
    async dissolveClub(clubId, dissolvedOn) {
      await replicated(await appendTo(clubStreamId(clubId), CLUB_STREAM, [{ type: 'ClubDissolved', data: { clubId, dissolvedOn } }]));
    },
    async registerMember(communeCode, options = {}) {
      const memberId = options.memberId ?? randomUUID();
      const data: MemberRegisteredV1 = {
        memberId,
        sex: 'F',
        birthYear: 1955,
        ethnicMinority: null,
        disadvantaged: [],
        communeCode,
        registeredOn: '2021-01-01',
        personal: { alg: 'A256GCM', iv: '', tag: '', ciphertext: '' },
      };
      const result = await appendTo(memberStreamId(memberId), MEMBER_STREAM, [{ type: 'MemberRegistered', data }]);
      if (options.replicated ?? true) await replicated(result);
      return memberId;
    },
    async joinClub(clubId, joinedOn, options = {}) {
      const memberId = options.memberId ?? randomUUID();
      const result = await appendTo(membershipsStreamId(memberId), MEMBERSHIPS_STREAM, [
        { type: 'MemberJoinedClub', data: { memberId, clubId, joinedOn, roles: options.roles ?? ['member'] } },
      ]);
      if (options.replicated ?? true) await replicated(result);
      return memberId;
    },
    async changeRoles(memberId, clubId, roles, effectiveOn) {
      await replicated(await appendTo(membershipsStreamId(memberId), MEMBERSHIPS_STREAM, [{ type: 'MembershipRolesChanged', data: { memberId, clubId, roles, effectiveOn } }]));
    },
    async erase(memberId) {
      await replicated(await appendTo(memberStreamId(memberId), MEMBER_STREAM, [{ type: 'MemberErased', data: { memberId, erasedOn: '2026-01-01' } }]));
    },
    async leaveClub(memberId, clubId, leftOn) {
      await replicated(await appendTo(membershipsStreamId(memberId), MEMBERSHIPS_STREAM, [{ type: 'MembershipEnded', data: { memberId, clubId, leftOn, reason: null } }]));
    },
    async die(memberId, clubId, diedOn) {
      await replicated(
        await appendTo(membershipsStreamId(memberId), MEMBERSHIPS_STREAM, [
          { type: 'MembershipEnded', data: { memberId, clubId, leftOn: diedOn, reason: 'died' } },
          { type: 'MemberDied', data: { memberId, diedOn } },
        ]),
      );
    },
  };
}
