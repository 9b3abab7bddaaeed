import { NestExpressApplication } from '@nestjs/platform-express';
import {
  CLUB_STREAM,
  MEMBERSHIPS_STREAM,
  MEMBER_STREAM,
  MembershipRole,
  ORG_UNIT_STREAM,
  OrgUnitDefinedV1,
  clubStreamId,
  memberStreamId,
  membershipsStreamId,
  orgUnitStreamId,
} from '@ishc/contracts';
import { AppendResult, PostgresEventStore, migrateEventStore } from '@ishc/event-store';
import { Role, createServiceApp, signDevToken } from '@ishc/platform';
import { TestDatabase, createTestDatabase } from '@ishc/testing';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { ActivitiesModule } from '../app.module';
import { RegistryReplicaConsumer } from '../replica/registry-replica.consumer';

export const TEST_SECRET = 'activities-test-secret-of-32-characters-at-least-x';

/**
 * Activities on a fresh database, replicating a registry event store of its own (another fresh
 * database) through the embedded transport: the registry's events are its contract, the service is not needed.
 */
export interface ActivitiesTestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  registryEvents: PostgresEventStore;
  token(roles?: Role[], scope?: string[]): Promise<string>;
  /** Appends OrgUnitDefined and waits until the replica has it. */
  defineUnit(unit: Omit<OrgUnitDefinedV1, 'attributes'>): Promise<void>;
  /** Appends ClubEstablished; waits for the replica unless `replicated` is false. */
  establishClub(communeCode: string, establishedOn: string, options?: { replicated?: boolean; clubId?: string }): Promise<string>;
  dissolveClub(clubId: string, dissolvedOn: string): Promise<void>;
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
  close(): Promise<void>;
}

export async function startActivities(): Promise<ActivitiesTestApp> {
  const db = await createTestDatabase('activities');
  const registryDb = await createTestDatabase('act_registry_events');
  await migrateEventStore(registryDb.pool);
  const registryEvents = new PostgresEventStore(registryDb.pool);
  const app = await createServiceApp({
    service: 'activities',
    module: ActivitiesModule,
    env: {
      ACTIVITIES_DATABASE_URL: db.url,
      REGISTRY_DATABASE_URL: registryDb.url,
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
      ISHC_MODE: 'embedded',
      TRANSPORT: 'embedded',
    },
    metricsRegistry: new Registry(),
  });
  const replicated = async (result: AppendResult) => {
    const consumer = app.get(RegistryReplicaConsumer).running();
    const deadline = Date.now() + 10_000;
    while (!(await consumer.isProcessed('registry', result.lastPosition))) {
      if (Date.now() > deadline) throw new Error('the registry replica did not catch up within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  };
  return {
    app,
    db,
    registryEvents,
    token: (roles = ['admin'], scope = ['VN']) => signDevToken({ sub: 'officer-1', roles, scope }, TEST_SECRET, '10m'),
    async defineUnit(unit) {
      await replicated(
        await registryEvents.append(orgUnitStreamId(unit.code), ORG_UNIT_STREAM, [{ type: 'OrgUnitDefined', data: { ...unit, attributes: {} } }], { expectedVersion: 'any' }),
      );
    },
    async establishClub(communeCode, establishedOn, options = {}) {
      const clubId = options.clubId ?? randomUUID();
      const result = await registryEvents.append(
        clubStreamId(clubId),
        CLUB_STREAM,
        [{ type: 'ClubEstablished', data: { clubId, name: `CLB ${clubId.slice(0, 4)}`, communeCode, hamletCode: null, establishedOn } }],
        { expectedVersion: 'no_stream' },
      );
      if (options.replicated ?? true) await replicated(result);
      return clubId;
    },
    async dissolveClub(clubId, dissolvedOn) {
      await replicated(await registryEvents.append(clubStreamId(clubId), CLUB_STREAM, [{ type: 'ClubDissolved', data: { clubId, dissolvedOn } }], { expectedVersion: 'any' }));
    },
    async joinClub(clubId, joinedOn, options = {}) {
      const memberId = options.memberId ?? randomUUID();
      const result = await registryEvents.append(
        membershipsStreamId(memberId),
        MEMBERSHIPS_STREAM,
        [{ type: 'MemberJoinedClub', data: { memberId, clubId, joinedOn, roles: options.roles ?? ['member'] } }],
        { expectedVersion: 'any' },
      );
      if (options.replicated ?? true) await replicated(result);
      return memberId;
    },
    async changeRoles(memberId, clubId, roles, effectiveOn) {
      await replicated(
        await registryEvents.append(membershipsStreamId(memberId), MEMBERSHIPS_STREAM, [{ type: 'MembershipRolesChanged', data: { memberId, clubId, roles, effectiveOn } }], {
          expectedVersion: 'any',
        }),
      );
    },
    async erase(memberId) {
      await replicated(
        await registryEvents.append(memberStreamId(memberId), MEMBER_STREAM, [{ type: 'MemberErased', data: { memberId, erasedOn: '2026-01-01' } }], { expectedVersion: 'any' }),
      );
    },
    async leaveClub(memberId, clubId, leftOn) {
      await replicated(
        await registryEvents.append(membershipsStreamId(memberId), MEMBERSHIPS_STREAM, [{ type: 'MembershipEnded', data: { memberId, clubId, leftOn, reason: null } }], {
          expectedVersion: 'any',
        }),
      );
    },
    async die(memberId, clubId, diedOn) {
      await replicated(
        await registryEvents.append(
          membershipsStreamId(memberId),
          MEMBERSHIPS_STREAM,
          [
            { type: 'MembershipEnded', data: { memberId, clubId, leftOn: diedOn, reason: 'died' } },
            { type: 'MemberDied', data: { memberId, diedOn } },
          ],
          { expectedVersion: 'any' },
        ),
      );
    },
    async close() {
      await app.close();
      await Promise.all([db.drop(), registryDb.drop()]);
    },
  };
}
