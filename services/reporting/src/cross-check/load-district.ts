import { CLUB_STREAM, FUND_STREAM, MEMBERSHIPS_STREAM, MEMBER_STREAM, ORG_UNIT_STREAM, clubStreamId, fundStreamId, memberStreamId, membershipsStreamId, orgUnitStreamId } from '@ishc/contracts';
import { PostgresEventStore } from '@ishc/event-store';
import { formatConsistencyToken } from '@ishc/platform';
import { ReportingTestApp } from '../spec-support/reporting-test-app';
import { GeneratedDistrict } from './generated-district';

type Append = Parameters<PostgresEventStore['appendNewStreams']>[0][number];

/**
 * Creates the streams in batches, each batch in one statement (appendNewStreams, the path the registry's
 * member import takes; a stream's events in order), batch after batch, so the last stream's position comes
 * after every other and its consistency token covers them all.
 */
async function appendAll(store: PostgresEventStore, service: 'registry' | 'microfinance' | 'activities', appends: Append[]): Promise<string> {
  let token = '';
  for (let i = 0; i < appends.length; i += 250) {
    const results = await store.appendNewStreams(appends.slice(i, i + 250));
    token = formatConsistencyToken(service, results[results.length - 1].lastPosition);
  }
  return token;
}

/**
 * Writes the district to the event stores the services would have written it to, in the order they would
 * (units and their successions, clubs, then members; funds, then loans), and answers the consistency tokens
 * that cover it all.
 */
export async function loadDistrict(t: ReportingTestApp, district: GeneratedDistrict): Promise<string[]> {
  const byUnit = new Map<string, Append>();
  for (const data of district.units) byUnit.set(data.code, { streamId: orgUnitStreamId(data.code), streamType: ORG_UNIT_STREAM, events: [{ type: 'OrgUnitDefined', data }] });
  for (const data of district.successions) byUnit.get(data.from)?.events.push({ type: 'OrgUnitSucceeded', data });
  await appendAll(t.registryEvents, 'registry', [...byUnit.values()]);
  await appendAll(
    t.registryEvents,
    'registry',
    district.clubs.map((c) => ({ streamId: clubStreamId(c.clubId), streamType: CLUB_STREAM, events: c.events })),
  );
  // People are registered before they join.
  await appendAll(
    t.registryEvents,
    'registry',
    district.members.map((m) => ({ streamId: memberStreamId(m.memberId), streamType: MEMBER_STREAM, events: m.events.filter((e) => e.type === 'MemberRegistered') })),
  );
  const registry = await appendAll(
    t.registryEvents,
    'registry',
    district.members.map((m) => ({ streamId: membershipsStreamId(m.memberId), streamType: MEMBERSHIPS_STREAM, events: m.events.filter((e) => e.type !== 'MemberRegistered') })),
  );
  await appendAll(
    t.microfinanceEvents,
    'microfinance',
    district.funds.map((f) => ({ streamId: fundStreamId(f.clubId, f.kind), streamType: FUND_STREAM, events: f.events })),
  );
  const microfinance = await appendAll(t.microfinanceEvents, 'microfinance', district.loans);
  const activities = await appendAll(t.activitiesEvents, 'activities', district.activities);
  return [registry, microfinance, activities];
}
