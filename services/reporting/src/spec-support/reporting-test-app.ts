import { NestExpressApplication } from '@nestjs/platform-express';
import {
  ActivitiesEvent,
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
import { referenceSuccessions, referenceUnits } from './reference-data';

export const TEST_SECRET = 'reporting-test-secret-of-32-characters-at-least';

/**
 * Reporting on a fresh database, consuming a registry event store of its own (another fresh database)
 * through the embedded transport — the registry service itself is not needed: the events are its contract.
 */
export interface ReportingTestApp {
  app: NestExpressApplication;
  registryEvents: PostgresEventStore;
  microfinanceEvents: PostgresEventStore;
  activitiesEvents: PostgresEventStore;
  token(roles?: Role[], scope?: string[]): Promise<string>;
  defineUnit(unit: Omit<OrgUnitDefinedV1, 'attributes'>): Promise<string>;
  establishClub(communeCode: string, establishedOn: string): Promise<{ clubId: string; token: string }>;
  /**
   * Appends one member's events (the registry contract) to the streams the registry writes them to:
   * MemberRegistered and MemberErased to the member's stream, memberships and death to the memberships
   * stream. Answers the consistency token of the last one.
   */
  memberEvents(memberId: string, events: ReadonlyArray<Extract<RegistryEvent, { type: MemberEventType }>>): Promise<string>;
  /** The built-in reference data (Trà Vinh / Trà Cú and the 2025 reform) as registry events; answers the last token. */
  referenceData(): Promise<string>;
  /** Appends activities events (the activities contract) to a stream of theirs; answers the consistency token. */
  activityEvents(streamId: string, streamType: string, events: ActivitiesEvent[]): Promise<string>;
  /** Appends fund events (the microfinance contract) to the fund's stream; answers the consistency token. */
  fundEvents(clubId: string, kind: FundKind, events: FundEvent[]): Promise<string>;
  close(): Promise<void>;
}

type MemberEventType = 'MemberRegistered' | 'MemberErased' | 'MemberJoinedClub' | 'MembershipRolesChanged' | 'MembershipEnded' | 'MemberDied';

export interface ReportingTestOptions {
  /** Define the built-in plans on start (off by default, so plan lists are what the test defines). */
  builtInPlans?: boolean;
  /** REDIS_URL: the cache in Redis rather than memory. */
  redisUrl?: string;
}

export async function startReporting(options: ReportingTestOptions = {}): Promise<ReportingTestApp> {
  const reportingDb = await createTestDatabase('reporting');
  const registryDb: TestDatabase = await createTestDatabase('registry_events');
  const microfinanceDb: TestDatabase = await createTestDatabase('microfinance_events');
  const activitiesDb: TestDatabase = await createTestDatabase('activities_events');
  await Promise.all([migrateEventStore(registryDb.pool), migrateEventStore(microfinanceDb.pool), migrateEventStore(activitiesDb.pool)]);
  const registryEvents = new PostgresEventStore(registryDb.pool);
  const microfinanceEvents = new PostgresEventStore(microfinanceDb.pool);
  const activitiesEvents = new PostgresEventStore(activitiesDb.pool);
  const app = await createServiceApp({
    service: 'reporting',
    module: ReportingModule,
    env: {
      REPORTING_DATABASE_URL: reportingDb.url,
      REGISTRY_DATABASE_URL: registryDb.url,
      MICROFINANCE_DATABASE_URL: microfinanceDb.url,
      ACTIVITIES_DATABASE_URL: activitiesDb.url,
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
      ISHC_MODE: 'embedded',
      TRANSPORT: 'embedded',
      REPORTING_BUILT_IN_PLANS: options.builtInPlans ? 'true' : 'false',
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    },
    metricsRegistry: new Registry(),
  });
  const tokenOf = (position: { transactionId: string; globalPosition: string }, service: 'registry' | 'microfinance' | 'activities' = 'registry') =>
    formatConsistencyToken(service, position);
  return {
    app,
    registryEvents,
    microfinanceEvents,
    activitiesEvents,
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
    async referenceData() {
      let last = '';
      for (const unit of referenceUnits()) {
        const result = await registryEvents.append(orgUnitStreamId(unit.code), ORG_UNIT_STREAM, [{ type: 'OrgUnitDefined', data: unit }], { expectedVersion: 'any' });
        last = tokenOf(result.lastPosition);
      }
      for (const succession of referenceSuccessions()) {
        const result = await registryEvents.append(orgUnitStreamId(succession.from), ORG_UNIT_STREAM, [{ type: 'OrgUnitSucceeded', data: succession }], {
          expectedVersion: 'any',
        });
        last = tokenOf(result.lastPosition);
      }
      return last;
    },
    async activityEvents(streamId, streamType, events) {
      const result = await activitiesEvents.append(streamId, streamType, events, { expectedVersion: 'any' });
      return tokenOf(result.lastPosition, 'activities');
    },
    async fundEvents(clubId, kind, events) {
      const result = await microfinanceEvents.append(fundStreamId(clubId, kind), FUND_STREAM, events, { expectedVersion: 'any' });
      return tokenOf(result.lastPosition, 'microfinance');
    },
    async close() {
      await app.close();
      await Promise.all([reportingDb.drop(), registryDb.drop(), microfinanceDb.drop(), activitiesDb.drop()]);
    },
  };
}
