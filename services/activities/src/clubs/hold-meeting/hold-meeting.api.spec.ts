import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { ActivitiesTestApp, startActivities } from '../../spec-support/activities-test-app';

describeWith(['postgres'], 'POST /api/activities/clubs/{clubId}/meetings', () => {
  let t: ActivitiesTestApp;
  let admin: string;
  let clubId: string;
  let m1: string;
  let m2: string;
  const server = () => t.app.getHttpServer();
  const post = (club: string, body: object, token = admin) => request(server()).post(`/api/activities/clubs/${club}/meetings`).set('Authorization', `Bearer ${token}`).send(body);
  const fieldsOf = (res: request.Response) => res.body.errors.map((e: { field: string }) => e.field).sort();

  beforeAll(async () => {
    t = await startActivities();
    admin = await t.token();
    await t.defineUnit({ code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02', validTo: null });
    await t.defineUnit({ code: '84', name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '849', name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '29461', name: 'Thị trấn Trà Cú', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '29462', name: 'Thị trấn Định An', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: null });
    clubId = await t.establishClub('29461', '2021-06-01');
    m1 = await t.joinClub(clubId, '2021-06-01');
    m2 = await t.joinClub(clubId, '2022-01-01');
  });
  afterAll(() => t?.close());

  it('records one meeting per club and month (201 {id}); a second in the month is 409 unless extra', async () => {
    const res = await post(clubId, { heldOn: '2025-03-15', attendeeIds: [m1, m2], areas: ['health', 'culture'], topics: ['blood pressure'] }).expect(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(res.headers['x-consistency-token']).toMatch(/^activities:\d+:\d+$/);
    const again = await post(clubId, { heldOn: '2025-03-31', attendeeIds: [m1] }).expect(409);
    expect(again.body.detail).toMatch(/already held its meeting of 2025-03.*extra/);
    const extra = await post(clubId, { heldOn: '2025-03-31', attendeeIds: [m1], extra: true }).expect(201);
    expect(extra.body.id).not.toBe(res.body.id);
    await post(clubId, { heldOn: '2025-04-01', attendeeIds: [m1] }).expect(201);
  });

  it('400 lists every bad field of the body, and names clubId of a path that is not a UUID', async () => {
    const res = await post(clubId, { heldOn: '2025-02-30', attendeeIds: ['x', m1, m1], areas: ['sport'], topics: [''], extra: 'yes', other: 1 }).expect(400);
    expect(fieldsOf(res)).toEqual(['areas.0', 'attendeeIds.0', 'attendeeIds.2', 'extra', 'heldOn', 'other', 'topics.0']);
    expect(fieldsOf(await post(clubId, { heldOn: '2025-05-01', attendeeIds: [] }).expect(400))).toEqual(['attendeeIds']);
    const badPath = await post('not-a-uuid', { heldOn: '2025-05-01', attendeeIds: [m1] }).expect(400);
    expect(fieldsOf(badPath)).toEqual(['clubId']);
  });

  it('400 names heldOn outside the club’s lifetime or in the future, and each attendee not a member on heldOn', async () => {
    expect(fieldsOf(await post(clubId, { heldOn: '2099-01-01', attendeeIds: [m1] }).expect(400))).toEqual(['heldOn']);
    expect(fieldsOf(await post(clubId, { heldOn: '2021-05-31', attendeeIds: [m1] }).expect(400))).toEqual(['attendeeIds.0', 'heldOn']);
    const notYet = await post(clubId, { heldOn: '2021-12-15', attendeeIds: [m1, m2] }).expect(400);
    expect(notYet.body.errors).toEqual([{ field: 'attendeeIds.1', message: expect.stringContaining('not a member of the club on 2021-12-15') }]);
    const other = await t.establishClub('29461', '2021-06-01');
    const outsider = await t.joinClub(other, '2021-06-01');
    expect(fieldsOf(await post(clubId, { heldOn: '2025-05-10', attendeeIds: [m1, outsider] }).expect(400))).toEqual(['attendeeIds.1']);
    const leaver = await t.joinClub(clubId, '2021-06-01');
    await t.leaveClub(leaver, clubId, '2025-06-01');
    const deceased = await t.joinClub(clubId, '2021-06-01');
    await t.die(deceased, clubId, '2025-06-10');
    expect(fieldsOf(await post(clubId, { heldOn: '2025-06-10', attendeeIds: [m1, leaver, deceased] }).expect(400))).toEqual(['attendeeIds.1', 'attendeeIds.2']);
    await post(clubId, { heldOn: '2025-05-31', attendeeIds: [m1, leaver, deceased] }).expect(201);
    await t.dissolveClub(other, '2024-01-01');
    expect(fieldsOf(await post(other, { heldOn: '2024-01-01', attendeeIds: [outsider] }).expect(400))).toEqual(['heldOn']);
  });

  it('409 says a club or an attendee not replicated yet is not known yet (the client may retry), then succeeds once it is', async () => {
    const unknownClub = await post(randomUUID(), { heldOn: '2025-03-15', attendeeIds: [m1] }).expect(409);
    expect(unknownClub.body.detail).toMatch(/not known to activities yet.*retry/);
    const unknownMember = randomUUID();
    const res = await post(clubId, { heldOn: '2025-07-15', attendeeIds: [m1, unknownMember] }).expect(409);
    expect(res.body.detail).toMatch(new RegExp(`member ${unknownMember} \\(attendeeIds\\.1\\) is not known to activities yet.*retry`));
    await t.joinClub(clubId, '2025-07-01', { memberId: unknownMember, replicated: false });
    let status = 409;
    for (let i = 0; i < 200 && status === 409; i++) {
      status = (await post(clubId, { heldOn: '2025-07-15', attendeeIds: [m1, unknownMember] })).status;
      if (status === 409) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(status).toBe(201);
  });

  it('401 without a token; 403 for an auditor or an officer of another commune; officers of the commune or above may', async () => {
    await request(server()).post(`/api/activities/clubs/${clubId}/meetings`).send({ heldOn: '2025-08-01', attendeeIds: [m1] }).expect(401);
    await post(clubId, { heldOn: '2025-08-01', attendeeIds: [m1] }, await t.token(['auditor'], ['VN'])).expect(403);
    const otherCommune = await post(clubId, { heldOn: '2025-08-01', attendeeIds: [m1] }, await t.token(['commune_officer'], ['29462'])).expect(403);
    expect(otherCommune.body.type).toMatch(/out-of-scope/);
    await post(clubId, { heldOn: '2025-08-01', attendeeIds: [m1] }, await t.token(['commune_officer'], ['29461'])).expect(201);
    await post(clubId, { heldOn: '2025-09-01', attendeeIds: [m1] }, await t.token(['district_officer'], ['849'])).expect(201);
    await post(clubId, { heldOn: '2025-10-01', attendeeIds: [m1] }, await t.token(['province_officer'], ['84'])).expect(201);
    await post(clubId, { heldOn: '2025-11-01', attendeeIds: [m1] }, await t.token(['province_officer'], ['83'])).expect(403);
  });

  it('the same Idempotency-Key records one meeting only', async () => {
    const first = await post(clubId, { heldOn: '2025-12-01', attendeeIds: [m1] }).set('Idempotency-Key', 'meeting-2025-12').expect(201);
    const replay = await post(clubId, { heldOn: '2025-12-01', attendeeIds: [m1] }).set('Idempotency-Key', 'meeting-2025-12').expect(201);
    expect(replay.body).toEqual(first.body);
    await post(clubId, { heldOn: '2025-12-15', attendeeIds: [m1] }).expect(409);
  });

  it('two meetings of one month sent at once: one is recorded, the other is 409 (the club stream’s expected version)', async () => {
    const statuses = await Promise.all([post(clubId, { heldOn: '2024-02-01', attendeeIds: [m1] }), post(clubId, { heldOn: '2024-02-20', attendeeIds: [m2] })]);
    expect(statuses.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});
