import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { ActivitiesTestApp, startActivities } from '../../spec-support/activities-test-app';
import { defineTwoCommunes } from '../../spec-support/two-communes';

describeWith(['postgres'], 'POST /api/activities/self-help-cases', () => {
  let t: ActivitiesTestApp;
  let admin: string;
  let clubId: string;
  let m1: string;
  const server = () => t.app.getHttpServer();
  const post = (body: object, token = admin) => request(server()).post('/api/activities/self-help-cases').set('Authorization', `Bearer ${token}`).send(body);
  const fieldsOf = (res: request.Response) => res.body.errors.map((e: { field: string }) => e.field).sort();

  beforeAll(async () => {
    t = await startActivities();
    admin = await t.token();
    await defineTwoCommunes(t);
    clubId = await t.establishClub('29461', '2021-06-01');
    m1 = await t.joinClub(clubId, '2022-01-01');
  });
  afterAll(() => t?.close());

  it('opens a case for a member (201 {id}) or with nobody named', async () => {
    const res = await post({ clubId, beneficiaryId: m1, openedOn: '2024-10-02', kind: 'house repair after the storm', valueVnd: 3_500_000 }).expect(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(res.headers['x-consistency-token']).toMatch(/^activities:\d+:\d+$/);
    await post({ clubId, openedOn: '2021-06-01', kind: 'rice for flooded households' }).expect(201);
  });

  it('400 lists malformed fields; a person helped who is not a member that day; a date in the future or before the club', async () => {
    const res = await post({ clubId: 1, beneficiaryId: 'b', openedOn: '2024-13-01', kind: ' ', valueVnd: -5, note: 'x' }).expect(400);
    expect(fieldsOf(res)).toEqual(['beneficiaryId', 'clubId', 'kind', 'note', 'openedOn', 'valueVnd']);
    expect(fieldsOf(await post({ clubId, openedOn: '2024-01-01', kind: 'rice', valueVnd: 1.5 }).expect(400))).toEqual(['valueVnd']);
    expect(fieldsOf(await post({ clubId, beneficiaryId: m1, openedOn: '2021-12-31', kind: 'rice' }).expect(400))).toEqual(['beneficiaryId']);
    expect(fieldsOf(await post({ clubId, openedOn: '2099-01-01', kind: 'rice' }).expect(400))).toEqual(['openedOn']);
    expect(fieldsOf(await post({ clubId, openedOn: '2021-05-31', kind: 'rice' }).expect(400))).toEqual(['openedOn']);
  });

  it('409 for a club or a person the replica has not seen yet (the client may retry)', async () => {
    expect((await post({ clubId: randomUUID(), openedOn: '2024-01-01', kind: 'rice' }).expect(409)).body.detail).toMatch(/not known to activities yet.*retry/);
    expect((await post({ clubId, beneficiaryId: randomUUID(), openedOn: '2024-01-01', kind: 'rice' }).expect(409)).body.detail).toMatch(/\(beneficiaryId\) is not known.*retry/);
  });

  it('401 without a token; 403 for an auditor or an officer of another commune', async () => {
    const body = { clubId, openedOn: '2024-01-01', kind: 'rice' };
    await request(server()).post('/api/activities/self-help-cases').send(body).expect(401);
    await post(body, await t.token(['auditor'], ['VN'])).expect(403);
    await post(body, await t.token(['commune_officer'], ['29462'])).expect(403);
    await post(body, await t.token(['commune_officer'], ['29461'])).expect(201);
  });
});
