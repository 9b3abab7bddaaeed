import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { ActivitiesTestApp, startActivities } from '../../spec-support/activities-test-app';
import { defineTwoCommunes } from '../../spec-support/two-communes';

describeWith(['postgres'], 'POST /api/activities/home-care-visits', () => {
  let t: ActivitiesTestApp;
  let admin: string;
  let clubId: string;
  let volunteer: string;
  let elder: string;
  const server = () => t.app.getHttpServer();
  const post = (body: object, token = admin) => request(server()).post('/api/activities/home-care-visits').set('Authorization', `Bearer ${token}`).send(body);
  const fieldsOf = (res: request.Response) => res.body.errors.map((e: { field: string }) => e.field).sort();
  const visit = (overrides: object = {}) => ({ clubId, volunteerId: volunteer, beneficiaryId: elder, visitedOn: '2025-03-15', services: ['bathing', 'medication reminder'], ...overrides });

  beforeAll(async () => {
    t = await startActivities();
    admin = await t.token();
    await defineTwoCommunes(t);
    clubId = await t.establishClub('29461', '2021-06-01');
    volunteer = await t.joinClub(clubId, '2022-01-01', { roles: ['member'] });
    await t.changeRoles(volunteer, clubId, ['member', 'home_care_volunteer'], '2025-01-01');
    elder = await t.joinClub(clubId, '2021-06-01');
  });
  afterAll(() => t?.close());

  it('records a visit by a volunteer holding home_care_volunteer that day (201 {id}); the event carries no services', async () => {
    const res = await post(visit()).expect(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(res.headers['x-consistency-token']).toMatch(/^activities:\d+:\d+$/);
    const events = await t.db.pool.query<{ data: object }>(`SELECT data FROM events WHERE stream_id = $1`, [`home-care-visit-${res.body.id}`]);
    expect(events.rows).toEqual([{ data: { visitId: res.body.id, clubId, volunteerId: volunteer, beneficiaryId: elder, visitedOn: '2025-03-15' } }]);
  });

  it('400 names the volunteer before the role took effect, and once it was taken away', async () => {
    const before = await post(visit({ visitedOn: '2024-12-31' })).expect(400);
    expect(before.body.errors).toEqual([{ field: 'volunteerId', message: expect.stringContaining('does not hold the role home_care_volunteer') }]);
    await t.changeRoles(volunteer, clubId, ['member'], '2025-06-01');
    expect(fieldsOf(await post(visit({ visitedOn: '2025-06-01' })).expect(400))).toEqual(['volunteerId']);
    await post(visit({ visitedOn: '2025-05-31' })).expect(201);
  });

  it('400 lists malformed fields; a beneficiary who is the volunteer or not a member; a date in the future or before the club', async () => {
    const res = await post({ clubId, volunteerId: 'v', beneficiaryId: elder, visitedOn: 'soon', services: [''], extra: 1 }).expect(400);
    expect(fieldsOf(res)).toEqual(['extra', 'services.0', 'visitedOn', 'volunteerId']);
    expect(fieldsOf(await post(visit({ beneficiaryId: volunteer })).expect(400))).toEqual(['beneficiaryId']);
    const other = await t.establishClub('29461', '2021-06-01');
    const outsider = await t.joinClub(other, '2021-06-01');
    expect(fieldsOf(await post(visit({ beneficiaryId: outsider })).expect(400))).toEqual(['beneficiaryId']);
    // (the volunteer's role was taken away from 2025-06-01 above)
    expect(fieldsOf(await post(visit({ visitedOn: '2099-01-01' })).expect(400))).toEqual(['visitedOn', 'volunteerId']);
    expect(fieldsOf(await post(visit({ visitedOn: '2021-05-31' })).expect(400))).toEqual(['beneficiaryId', 'visitedOn', 'volunteerId']);
  });

  it('409 for a club, volunteer or beneficiary the replica has not seen yet (the client may retry)', async () => {
    expect((await post(visit({ clubId: randomUUID() })).expect(409)).body.detail).toMatch(/club .* not known to activities yet.*retry/);
    expect((await post(visit({ beneficiaryId: randomUUID() })).expect(409)).body.detail).toMatch(/\(beneficiaryId\) is not known to activities yet.*retry/);
  });

  it('401 without a token; 403 for an auditor or an officer of another commune', async () => {
    await request(server()).post('/api/activities/home-care-visits').send(visit()).expect(401);
    await post(visit({ visitedOn: '2025-02-01' }), await t.token(['auditor'], ['VN'])).expect(403);
    await post(visit({ visitedOn: '2025-02-01' }), await t.token(['commune_officer'], ['29462'])).expect(403);
    await post(visit({ visitedOn: '2025-02-01' }), await t.token(['district_officer'], ['849'])).expect(201);
  });
});
