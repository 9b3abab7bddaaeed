import { ACTIVITY_AREAS, ActivitiesEvent, OrgUnitDefinedV1 } from '@ishc/contracts';
import { describeWith } from '@ishc/testing';
import { readActivityFacts } from '../indicators/activity-facts.query';
import { readClubFacts } from '../indicators/club-facts.query';
import { readCoverageFacts } from '../indicators/coverage-facts.query';
import { activityIndicators } from '../indicators/domain/activity-indicators';
import { DEFAULT_PLAN_PARAMETERS } from '../indicators/domain/plan-parameters';
import { readMemberFacts } from '../indicators/member-facts.query';
import { givenReportingDatabase } from '../spec-support/given-reporting-database';
import { projectActivitiesEvents } from './activities.projection';
import { ProjectedEvent, projectRegistryEvents } from './registry.projection';

const unit = (code: string, level: OrgUnitDefinedV1['level'], parentCode: string | null): ProjectedEvent => ({
  type: 'OrgUnitDefined',
  data: { code, name: code, level, parentCode, validFrom: '1992-05-01', validTo: null, attributes: {} } satisfies OrgUnitDefinedV1,
});
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const member = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [full, partial] = [id(1), id(2)];
const registered = (n: number, birthYear: number): ProjectedEvent => ({
  type: 'MemberRegistered',
  data: { memberId: member(n), sex: 'F', birthYear, ethnicMinority: false, disadvantaged: [], communeCode: 'C1', registeredOn: '2020-01-01', personal: { alg: 'A256GCM', iv: '', tag: '', ciphertext: '' } },
});
const joined = (n: number, clubId: string): ProjectedEvent => ({ type: 'MemberJoinedClub', data: { memberId: member(n), clubId, joinedOn: '2021-01-01', roles: ['member'] } });

let next = 100;
const uuid = () => `20000000-0000-4000-8000-${String(next++).padStart(12, '0')}`;
const meeting = (clubId: string, heldOn: string, areas: (typeof ACTIVITY_AREAS)[number][] = [], extra = false): ActivitiesEvent => ({
  type: 'MonthlyMeetingHeld',
  data: { meetingId: uuid(), clubId, heldOn, attendeeIds: [member(1)], areas, topics: [], extra },
});
const session = (clubId: string, area: (typeof ACTIVITY_AREAS)[number], heldOn: string): ActivitiesEvent => ({
  type: 'ActivitySessionHeld',
  data: { sessionId: uuid(), clubId, area, heldOn, participantIds: [member(1)], title: null },
});

describeWith(['postgres'], 'reporting projection of activities events', () => {
  const db = givenReportingDatabase('reporting_act_projection');
  const { inTransaction } = db;
  const indicatorsAt = async (orgUnit: string, asOf: string) => {
    const scope = await readCoverageFacts(db.pool, orgUnit, asOf);
    const clubIds = scope.clubs.map((c) => c.clubId);
    const members = await readMemberFacts(db.pool, clubIds, asOf);
    const activities = await readActivityFacts(db.pool, clubIds, members, asOf, DEFAULT_PLAN_PARAMETERS);
    return activityIndicators(scope.clubs, { activities, clubs: await readClubFacts(db.pool, scope.clubs), members }, asOf, DEFAULT_PLAN_PARAMETERS);
  };

  beforeAll(async () => {
    await inTransaction((client) =>
      projectRegistryEvents(
        [
          unit('VN', 'country', null),
          unit('D1', 'district', 'VN'),
          unit('C1', 'commune', 'D1'),
          { type: 'ClubEstablished', data: { clubId: full, name: 'full', communeCode: 'C1', hamletCode: null, establishedOn: '2020-01-01' } },
          { type: 'ClubEstablished', data: { clubId: partial, name: 'partial', communeCode: 'C1', hamletCode: null, establishedOn: '2020-01-01' } },
          registered(1, 1950),
          registered(2, 1958),
          registered(3, 1995),
          joined(1, full),
          joined(2, full),
          joined(3, partial),
        ],
        client,
      ),
    );
  });

  // Club 1 meets every month of 2025 (health and culture at meetings), holds sessions in the other 6 areas;
  // club 2 meets in 9 months and never covers `resources`.
  const history: ActivitiesEvent[] = [
    ...Array.from({ length: 12 }, (_, i) => meeting(full, `2025-${String(i + 1).padStart(2, '0')}-05`, i === 0 ? ['health', 'culture'] : [])),
    meeting(full, '2025-01-20', [], true),
    ...ACTIVITY_AREAS.filter((a) => a !== 'health' && a !== 'culture').map((area, i) => session(full, area, `2025-0${i + 2}-12`)),
    ...Array.from({ length: 9 }, (_, i) => meeting(partial, `2025-0${i + 1}-05`)),
    ...ACTIVITY_AREAS.filter((a) => a !== 'resources').map((area) => session(partial, area, '2025-03-03')),
    { type: 'HealthCheckRecorded', data: { healthCheckId: uuid(), clubId: full, memberId: member(1), checkedOn: '2025-04-01' } },
    { type: 'HealthCheckRecorded', data: { healthCheckId: uuid(), clubId: full, memberId: member(2), checkedOn: '2024-04-01' } },
    { type: 'HomeCareVisitRecorded', data: { visitId: uuid(), clubId: full, volunteerId: member(2), beneficiaryId: member(1), visitedOn: '2025-08-08' } },
    { type: 'SelfHelpCaseOpened', data: { caseId: uuid(), clubId: full, beneficiaryId: null, openedOn: '2025-08-08', kind: 'rice', valueVnd: 100_000 } },
  ];

  it('counts the full-activities club, the regularly meeting club, the older checked within W and the visited members', async () => {
    await inTransaction((client) => projectActivitiesEvents(history, client));
    expect(await indicatorsAt('D1', '2025-12-31')).toEqual([
      { code: 'clubs_full_activities_pct', value: 50, numerator: 1, denominator: 2 },
      { code: 'clubs_well_managed_meetings_pct', value: 50, numerator: 1, denominator: 2 },
      { code: 'elderly_health_checked_pct', value: 50, numerator: 1, denominator: 2 },
      { code: 'home_care_beneficiaries', value: 1, numerator: 1, denominator: null },
    ]);
    // On 31 March, W begins on 2024-04-01: member 2's check of that day counts, member 1's and the later sessions do not yet.
    const march = await indicatorsAt('D1', '2025-03-31');
    expect(march.map((i) => [i.code, i.numerator])).toEqual([
      ['clubs_full_activities_pct', 0],
      ['clubs_well_managed_meetings_pct', 0],
      ['elderly_health_checked_pct', 1],
      ['home_care_beneficiaries', 0],
    ]);
  });

  it('gives the same answers when the same events are delivered again', async () => {
    const before = await indicatorsAt('VN', '2025-12-31');
    await inTransaction((client) => projectActivitiesEvents(history, client));
    expect(await indicatorsAt('VN', '2025-12-31')).toEqual(before);
    const rows = await db.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM rp_meeting');
    expect(rows.rows[0].n).toBe('22');
  });
});
