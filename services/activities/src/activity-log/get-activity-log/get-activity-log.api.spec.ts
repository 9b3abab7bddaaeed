import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { ActivitiesTestApp, startActivities } from '../../spec-support/activities-test-app';
import { defineTwoCommunes } from '../../spec-support/two-communes';

describeWith(['postgres'], 'GET /api/activities/clubs/{clubId}/activity-log?month=', () => {
  let t: ActivitiesTestApp;
  let admin: string;
  let clubId: string;
  let volunteer: string;
  let elder: string;
  const ids: Record<string, string> = {};
  const server = () => t.app.getHttpServer();
  const post = async (path: string, body: object) => (await request(server()).post(`/api/activities${path}`).set('Authorization', `Bearer ${admin}`).send(body).expect(201)).body.id as string;
  const get = (club: string, query: string, token = admin) => request(server()).get(`/api/activities/clubs/${club}/activity-log?${query}`).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await startActivities();
    admin = await t.token();
    await defineTwoCommunes(t);
    clubId = await t.establishClub('29461', '2021-06-01');
    volunteer = await t.joinClub(clubId, '2021-06-01', { roles: ['member', 'home_care_volunteer'] });
    elder = await t.joinClub(clubId, '2021-06-01');
    ids.meeting = await post(`/clubs/${clubId}/meetings`, { heldOn: '2025-03-05', attendeeIds: [volunteer, elder], areas: ['health'], topics: ['blood pressure'] });
    ids.session = await post(`/clubs/${clubId}/sessions`, { area: 'culture', heldOn: '2025-03-20', participantIds: [elder], title: 'Folk songs' });
    ids.check = await post('/health-checks', { clubId, memberId: elder, checkedOn: '2025-03-05', systolic: 142, diastolic: 88, glucose: 7.2 });
    ids.visit = await post('/home-care-visits', { clubId, volunteerId: volunteer, beneficiaryId: elder, visitedOn: '2025-03-31', services: ['bathing'] });
    ids.case = await post('/self-help-cases', { clubId, beneficiaryId: elder, openedOn: '2025-03-10', kind: 'hospital costs', valueVnd: 500_000 });
    await post(`/clubs/${clubId}/meetings`, { heldOn: '2025-04-01', attendeeIds: [elder] });
    await post('/health-checks', { clubId, memberId: elder, checkedOn: '2025-02-28', weightKg: 50 });
  });
  afterAll(() => t?.close());

  it('lists the month’s meetings, sessions, checks (with their measurements), visits (with services) and cases, nothing of other months', async () => {
    const res = await get(clubId, 'month=2025-03').expect(200);
    expect(res.body).toEqual({
      clubId,
      month: '2025-03',
      meetings: [{ id: ids.meeting, heldOn: '2025-03-05', attendeeIds: [volunteer, elder], areas: ['health'], topics: ['blood pressure'], extra: false }],
      sessions: [{ id: ids.session, area: 'culture', heldOn: '2025-03-20', participantIds: [elder], title: 'Folk songs' }],
      healthChecks: [{ id: ids.check, memberId: elder, checkedOn: '2025-03-05', systolic: 142, diastolic: 88, glucose: 7.2 }],
      homeCareVisits: [{ id: ids.visit, volunteerId: volunteer, beneficiaryId: elder, visitedOn: '2025-03-31', services: ['bathing'] }],
      selfHelpCases: [{ id: ids.case, beneficiaryId: elder, openedOn: '2025-03-10', kind: 'hospital costs', valueVnd: 500_000 }],
    });
    const empty = await get(clubId, 'month=2024-03').expect(200);
    expect([empty.body.meetings, empty.body.sessions, empty.body.healthChecks, empty.body.homeCareVisits, empty.body.selfHelpCases]).toEqual([[], [], [], [], []]);
  });

  it('an auditor in scope may read it', async () => {
    expect((await get(clubId, 'month=2025-04', await t.token(['auditor'], ['849'])).expect(200)).body.meetings).toHaveLength(1);
  });

  it('400 for a month that is not YYYY-MM (or missing) and a club id that is not a UUID; 404 for a club not known', async () => {
    expect((await get(clubId, 'month=2025-13').expect(400)).body.errors[0].field).toBe('month');
    expect((await get(clubId, '').expect(400)).body.errors[0].field).toBe('month');
    expect((await get(clubId, 'month=2025-03&x=1').expect(400)).body.errors[0].field).toBe('x');
    expect((await get('nope', 'month=2025-03').expect(400)).body.errors[0].field).toBe('clubId');
    await get(randomUUID(), 'month=2025-03').expect(404);
  });

  it('401 without a token; 403 for an officer of another commune', async () => {
    await request(server()).get(`/api/activities/clubs/${clubId}/activity-log?month=2025-03`).expect(401);
    await get(clubId, 'month=2025-03', await t.token(['commune_officer'], ['29462'])).expect(403);
  });

  it('an erasure of the member in the registry clears the health details about them; the records stay', async () => {
    await t.erase(elder);
    const res = await get(clubId, 'month=2025-03').expect(200);
    expect(res.body.healthChecks).toEqual([{ id: ids.check, memberId: elder, checkedOn: '2025-03-05' }]);
    expect(res.body.homeCareVisits).toEqual([{ id: ids.visit, volunteerId: volunteer, beneficiaryId: elder, visitedOn: '2025-03-31' }]);
    expect(res.body.meetings).toHaveLength(1);
  });
});
