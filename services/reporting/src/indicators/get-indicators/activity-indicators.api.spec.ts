import request from 'supertest';
import { ACTIVITY_AREAS, CLUB_ACTIVITIES_STREAM, HEALTH_CHECK_STREAM, HOME_CARE_VISIT_STREAM, clubActivitiesStreamId, healthCheckStreamId, homeCareVisitStreamId } from '@ishc/contracts';
import { describeWith } from '@ishc/testing';
import { randomUUID } from 'node:crypto';
import { ReportingTestApp, startReporting } from '../../spec-support/reporting-test-app';

describeWith(['postgres'], 'GET /api/reporting/indicators: activities from activities events', () => {
  let t: ReportingTestApp;
  let admin: string;
  const get = (path: string) => request(t.app.getHttpServer()).get(`/api/reporting${path}`).set('Authorization', `Bearer ${admin}`);
  const byCode = (res: request.Response) => Object.fromEntries(res.body.indicators.map((i: { code: string }) => [i.code, i]));

  beforeAll(async () => {
    t = await startReporting();
    admin = await t.token();
    await t.defineUnit({ code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02', validTo: null });
    await t.defineUnit({ code: '849', name: 'Huyện Trà Cú', level: 'district', parentCode: 'VN', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '29461', name: 'Xã A', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: null });
  });
  afterAll(() => t?.close());

  it('shows the four activity indicators right after the writes, read with activities and registry consistency tokens', async () => {
    const club = await t.establishClub('29461', '2024-01-01');
    const [elder, volunteer] = [randomUUID(), randomUUID()];
    const personal = { alg: 'A256GCM' as const, iv: '', tag: '', ciphertext: '' };
    for (const [memberId, birthYear] of [
      [elder, 1950],
      [volunteer, 1990],
    ] as const) {
      await t.memberEvents(memberId, [
        { type: 'MemberRegistered', data: { memberId, sex: 'F', birthYear, ethnicMinority: null, disadvantaged: [], communeCode: '29461', registeredOn: '2024-01-01', personal } },
        { type: 'MemberJoinedClub', data: { memberId, clubId: club.clubId, joinedOn: '2024-01-01', roles: ['member'] } },
      ]);
    }
    const registryToken = await t.memberEvents(volunteer, [{ type: 'MembershipRolesChanged', data: { memberId: volunteer, clubId: club.clubId, roles: ['home_care_volunteer'], effectiveOn: '2024-01-01' } }]);
    const stream = clubActivitiesStreamId(club.clubId);
    for (let month = 1; month <= 12; month++) {
      const heldOn = `2025-${String(month).padStart(2, '0')}-07`;
      await t.activityEvents(stream, CLUB_ACTIVITIES_STREAM, [
        { type: 'MonthlyMeetingHeld', data: { meetingId: randomUUID(), clubId: club.clubId, heldOn, attendeeIds: [elder], areas: [], topics: [], extra: false } },
      ]);
    }
    for (const area of ACTIVITY_AREAS) {
      await t.activityEvents(stream, CLUB_ACTIVITIES_STREAM, [
        { type: 'ActivitySessionHeld', data: { sessionId: randomUUID(), clubId: club.clubId, area, heldOn: '2025-06-15', participantIds: [elder], title: null } },
      ]);
    }
    const checkId = randomUUID();
    await t.activityEvents(healthCheckStreamId(checkId), HEALTH_CHECK_STREAM, [
      { type: 'HealthCheckRecorded', data: { healthCheckId: checkId, clubId: club.clubId, memberId: elder, checkedOn: '2025-09-09' } },
    ]);
    const visitId = randomUUID();
    const activitiesToken = await t.activityEvents(homeCareVisitStreamId(visitId), HOME_CARE_VISIT_STREAM, [
      { type: 'HomeCareVisitRecorded', data: { visitId, clubId: club.clubId, volunteerId: volunteer, beneficiaryId: elder, visitedOn: '2025-10-10' } },
    ]);
    expect(activitiesToken).toMatch(/^activities:\d+:\d+$/);

    const res = await get(`/indicators?orgUnit=849&asOf=2025-12-31&consistentWith=${activitiesToken},${registryToken}`).expect(200);
    expect(byCode(res).clubs_full_activities_pct).toEqual({ code: 'clubs_full_activities_pct', value: 100, numerator: 1, denominator: 1 });
    expect(byCode(res).clubs_well_managed_meetings_pct).toEqual({ code: 'clubs_well_managed_meetings_pct', value: 100, numerator: 1, denominator: 1 });
    expect(byCode(res).elderly_health_checked_pct).toEqual({ code: 'elderly_health_checked_pct', value: 100, numerator: 1, denominator: 1 });
    expect(byCode(res).home_care_beneficiaries).toEqual({ code: 'home_care_beneficiaries', value: 1, numerator: 1, denominator: null });
    // A year later nothing of 2025 is within W any more.
    const later = byCode(await get('/indicators?orgUnit=849&asOf=2026-12-31').expect(200));
    expect([later.clubs_full_activities_pct.numerator, later.elderly_health_checked_pct.numerator, later.home_care_beneficiaries.value]).toEqual([0, 0, 0]);
  });

  it('GET /indicator-definitions gives each activity indicator with its names in Vietnamese and English and how it is computed', async () => {
    const res = await get('/indicator-definitions').expect(200);
    const percentages = ['clubs_full_activities_pct', 'clubs_well_managed_meetings_pct', 'elderly_health_checked_pct'];
    for (const code of [...percentages, 'home_care_beneficiaries']) {
      const definition = res.body.find((d: { code: string }) => d.code === code);
      const isPercentage = percentages.includes(code);
      expect(definition).toEqual({
        code,
        names: { vi: expect.any(String), en: expect.any(String) },
        unit: isPercentage ? 'percent' : 'count',
        numerator: expect.stringContaining(code === 'clubs_well_managed_meetings_pct' ? 'calendar months ending with T' : 'within the trailing window W'),
        denominator: isPercentage ? expect.any(String) : null,
      });
    }
  });
});
