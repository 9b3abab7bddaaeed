import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { ActivitiesTestApp, startActivities } from '../../spec-support/activities-test-app';

describeWith(['postgres'], 'POST /api/activities/clubs/{clubId}/sessions', () => {
  let t: ActivitiesTestApp;
  let admin: string;
  let clubId: string;
  let m1: string;
  let m2: string;
  const server = () => t.app.getHttpServer();
  const post = (club: string, body: object, token = admin) => request(server()).post(`/api/activities/clubs/${club}/sessions`).set('Authorization', `Bearer ${token}`).send(body);
  const fieldsOf = (res: request.Response) => res.body.errors.map((e: { field: string }) => e.field).sort();

  beforeAll(async () => {
    t = await startActivities();
    admin = await t.token();
    await t.defineUnit({ code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02', validTo: null });
    await t.defineUnit({ code: '84', name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '29461', name: 'Thị trấn Trà Cú', level: 'commune', parentCode: '84', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '29462', name: 'Thị trấn Định An', level: 'commune', parentCode: '84', validFrom: '1992-05-01', validTo: null });
    clubId = await t.establishClub('29461', '2021-06-01');
    m1 = await t.joinClub(clubId, '2021-06-01');
    m2 = await t.joinClub(clubId, '2022-01-01');
  });
  afterAll(() => t?.close());

  it('records any number of sessions of one area (201 {id}), several in a month', async () => {
    const res = await post(clubId, { area: 'livelihood', heldOn: '2025-03-15', participantIds: [m1, m2], title: 'Raising ducks' }).expect(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    await post(clubId, { area: 'livelihood', heldOn: '2025-03-16', participantIds: [m1] }).expect(201);
  });

  it('400 names bad fields, each participant not a member on heldOn, and clubId of a path that is not a UUID', async () => {
    expect(fieldsOf(await post(clubId, { area: 'sport', heldOn: '2025-13-01', participantIds: [m1, m1], title: '' }).expect(400))).toEqual([
      'area',
      'heldOn',
      'participantIds.1',
      'title',
    ]);
    expect(fieldsOf(await post(clubId, { area: 'health', heldOn: '2021-12-31', participantIds: [m1, m2] }).expect(400))).toEqual(['participantIds.1']);
    expect(fieldsOf(await post(clubId, { area: 'health', heldOn: '2099-01-01', participantIds: [m1] }).expect(400))).toEqual(['heldOn']);
    expect(fieldsOf(await post('42', { area: 'health', heldOn: '2025-01-01', participantIds: [m1] }).expect(400))).toEqual(['clubId']);
  });

  it('409 for a club or a participant not known yet; 401 without a token; 403 out of scope', async () => {
    expect((await post(randomUUID(), { area: 'health', heldOn: '2025-01-01', participantIds: [m1] }).expect(409)).body.detail).toMatch(/not known to activities yet/);
    expect((await post(clubId, { area: 'health', heldOn: '2025-01-01', participantIds: [randomUUID()] }).expect(409)).body.detail).toMatch(/participantIds\.0.*not known/);
    await request(server()).post(`/api/activities/clubs/${clubId}/sessions`).send({ area: 'health', heldOn: '2025-01-01', participantIds: [m1] }).expect(401);
    await post(clubId, { area: 'health', heldOn: '2025-01-01', participantIds: [m1] }, await t.token(['commune_officer'], ['29462'])).expect(403);
    await post(clubId, { area: 'health', heldOn: '2025-01-01', participantIds: [m1] }, await t.token(['commune_officer'], ['29461'])).expect(201);
  });
});
