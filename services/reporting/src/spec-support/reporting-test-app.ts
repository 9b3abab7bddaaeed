import { NestExpressApplication } from '@nestjs/platform-express';
import {
  CLUB_STREAM,
  FUND_STREAM,
  FundEvent,
  FundKind,
  MEMBERSHIPS_STREAM,
  MEMBER_STREAM,
  ORG_UNIT_STREAM,
  OrgUnitDefinedV1,
  RegistryEvent,
  clubStreamId,
  fundStreamId,
  memberStreamId,
  membershipsStreamId,
  orgUnitStreamId,
} from '@ishc/contracts';
import { PostgresEventStore, migrateEventStore } from '@ishc/event-store';
import { Role, createServiceApp, formatConsistencyToken, signDevToken } from '@ishc/platform';
import { TestDatabase, createTestDatabase } from '@ishc/testing';
import { randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { ReportingModule } from '../app.module';

export const TEST_SECRET = 'reporting-test-secret-of-32-characters-at-least';

/**
 * Reporting on a fresh database, consuming a registry event store of its own (another fresh database)
 * through the embedded transport — the registry service itself is not needed: the events are its contract.
 */
export interface ReportingTestApp {
  app: NestExpressApplication;
  registryEvents: PostgresEventStore;
  microfinanceEvents: PostgresEventStore;
  token(roles?: Role[], scope?: string[]): Promise<string>;
  defineUnit(unit: Omit<OrgUnitDefinedV1, 'attributes'>): Promise<string>;
  establishClub(communeCode: string, establishedOn: string): Promise<{ clubId: string; token: string }>;
  /**
   * Appends one member's events (the registry contract) to the streams the registry writes them to:
   * MemberRegistered and MemberErased to the member's stream, memberships and death to the memberships
   * stream. Answers the consistency token of the last one.
   */
  memberEvents(memberId: string, events: ReadonlyArray<Extract<RegistryEvent, { type: MemberEventType }>>): Promise<string>;
  /** Appends fund events (the microfinance contract) to the fund's stream; answers the consistency token. */
  fundEvents(clubId: string, kind: FundKind, events: FundEvent[]): Promise<string>;
  close(): Promise<void>;
}

type MemberEventType = 'MemberRegistered' | 'MemberErased' | 'MemberJoinedClub' | 'MembershipRolesChanged' | 'MembershipEnded' | 'MemberDied';

export async function startReporting(): Promise<ReportingTestApp> {
  const reportingDb = await createTestDatabase('reporting');
  const registryDb: TestDatabase = await createTestDatabase('registry_events');
  const microfinanceDb: TestDatabase = await createTestDatabase('microfinance_events');
  await Promise.all([migrateEventStore(registryDb.pool), migrateEventStore(microfinanceDb.pool)]);
  const registryEvents = new PostgresEventStore(registryDb.pool);
  const microfinanceEvents = new PostgresEventStore(microfinanceDb.pool);
  const app = await createServiceApp({
    service: 'reporting',
    module: ReportingModule,
    env: {
      REPORTING_DATABASE_URL: reportingDb.url,
      REGISTRY_DATABASE_URL: registryDb.url,
      MICROFINANCE_DATABASE_URL: microfinanceDb.url,
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
      ISHC_MODE: 'embedded',
      TRANSPORT: 'embedded',
    },
    metricsRegistry: new Registry(),
  });
  const tokenOf = (position: { transactionId: string; globalPosition: string }, service: 'registry' | 'microfinance' = 'registry') =>
    formatConsistencyToken(service, position);
  return {
    app,
    registryEvents,
    microfinanceEvents,
    token: (roles = ['admin'], scope = ['VN']) => signDevToken({ sub: 'officer-1', roles, scope }, TEST_SECRET, '10m'),
    async defineUnit(unit) {
      const result = await registryEvents.append(orgUnitStreamId(unit.code), ORG_UNIT_STREAM, [{ type: 'OrgUnitDefined', data: { ...unit, attributes: {} } }], {
        expectedVersion: 'any',
      });
      return tokenOf(result.lastPosition);
    },
    async establishClub(communeCode, establishedOn) {
      const clubId = randomUUID();
      const result = await registryEvents.append(
        clubStreamId(clubId),
        CLUB_STREAM,
        [{ type: 'ClubEstablished', data: { clubId, name: `CLB ${clubId.slice(0, 4)}`, communeCode, hamletCode: null, establishedOn } }],
        { expectedVersion: 'no_stream' },
      );
      return { clubId, token: tokenOf(result.lastPosition) };
    },
    async memberEvents(memberId, events) {
      let token = '';
      for (const event of events) {
        const inMemberStream = event.type === 'MemberRegistered' || event.type === 'MemberErased';
        const result = await registryEvents.append(
          inMemberStream ? memberStreamId(memberId) : membershipsStreamId(memberId),
          inMemberStream ? MEMBER_STREAM : MEMBERSHIPS_STREAM,
          [event],
          { expectedVersion: 'any' },
        );
        token = tokenOf(result.lastPosition);
      }
      return token;
    },
    async fundEvents(clubId, kind, events) {
      const result = await microfinanceEvents.append(fundStreamId(clubId, kind), FUND_STREAM, events, { expectedVersion: 'any' });
      return tokenOf(result.lastPosition, 'microfinance');
    },
    async close() {
      await app.close();
      await Promise.all([reportingDb.drop(), registryDb.drop(), microfinanceDb.drop()]);
    },
  };
}
