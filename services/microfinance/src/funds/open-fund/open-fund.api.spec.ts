import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { MicrofinanceTestApp, startMicrofinance } from '../../spec-support/microfinance-test-app';

describeWith(['postgres'], 'POST /api/microfinance/clubs/{clubId}/funds', () => {
  let t: MicrofinanceTestApp;
  let admin: string;
  let clubId: string;
  const server = () => t.app.getHttpServer();
  const post = (club: string, body: object, token = admin) => request(server()).post(`/api/microfinance/clubs/${club}/funds`).set('Authorization', `Bearer ${token}`).send(body);
  const fieldsOf = (res: request.Response) => res.body.errors.map((e: { field: string }) => e.field).sort();

  beforeAll(async () => {
    t = await startMicrofinance();
    admin = await t.token();
    await t.defineUnit({ code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02', validTo: null });
    await t.defineUnit({ code: '84', name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '849', name: 'Huyện Trà Cú', level: 'district', parentCode: '84', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '29461', name: 'Thị trấn Trà Cú', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '29462', name: 'Thị trấn Định An', level: 'commune', parentCode: '849', validFrom: '1992-05-01', validTo: null });
    clubId = await t.establishClub('29461', '2021-06-01');
  });
  afterAll(() => t?.close());

  it('opens each kind of fund once (201 with a consistency token); a second fund of a kind is 409', async () => {
    const res = await post(clubId, { kind: 'income', openedOn: '2021-07-01' }).expect(201);
    expect(res.body).toEqual({ clubId, kind: 'income', openedOn: '2021-07-01' });
    expect(res.headers['x-consistency-token']).toMatch(/^microfinance:\d+:\d+$/);
    await post(clubId, { kind: 'activity', openedOn: '2021-06-01' }).expect(201);
    const again = await post(clubId, { kind: 'income', openedOn: '2022-01-01' }).expect(409);
    expect(again.body.detail).toMatch(/already open/);
  });

  it('400 lists every bad field of the body, and names clubId of a path that is not a UUID', async () => {
    const res = await post(clubId, { kind: 'savings', openedOn: '2021-02-30', extra: 1 }).expect(400);
    expect(fieldsOf(res)).toEqual(expect.arrayContaining(['kind', 'openedOn']));
    const badPath = await post('not-a-uuid', { kind: 'income', openedOn: '2021-07-01' }).expect(400);
    expect(fieldsOf(badPath)).toEqual(['clubId']);
  });

  it('400 names openedOn before the club was established, after its dissolution, or in the future', async () => {
    const other = await t.establishClub('29462', '2022-03-01');
    expect(fieldsOf(await post(other, { kind: 'income', openedOn: '2022-02-28' }).expect(400))).toEqual(['openedOn']);
    expect(fieldsOf(await post(other, { kind: 'income', openedOn: '2099-01-01' }).expect(400))).toEqual(['openedOn']);
    await t.dissolveClub(other, '2023-01-01');
    const afterDissolution = await post(other, { kind: 'activity', openedOn: '2023-01-01' }).expect(400);
    expect(afterDissolution.body.errors).toEqual([{ field: 'openedOn', message: expect.stringContaining('dissolved') }]);
    await post(other, { kind: 'activity', openedOn: '2022-12-31' }).expect(201);
  });

  it('409 says a club not replicated yet is not known yet (the client may retry), then succeeds once it is', async () => {
    const unknown = await post(randomUUID(), { kind: 'income', openedOn: '2021-07-01' }).expect(409);
    expect(unknown.body.detail).toMatch(/not known to microfinance yet.*retry/);
    const late = randomUUID();
    await t.establishClub('29461', '2021-01-01', { clubId: late, replicated: false });
    let status = 409;
    for (let i = 0; i < 200 && status === 409; i++) {
      status = (await post(late, { kind: 'income', openedOn: '2021-02-01' })).status;
      if (status === 409) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(status).toBe(201);
  });

  it('401 without a token; 403 for an auditor or an officer of another commune; officers of the commune or above may', async () => {
    await request(server()).post(`/api/microfinance/clubs/${clubId}/funds`).send({ kind: 'income', openedOn: '2021-07-01' }).expect(401);
    const club = await t.establishClub('29461', '2021-06-01');
    await post(club, { kind: 'income', openedOn: '2021-07-01' }, await t.token(['auditor'], ['VN'])).expect(403);
    const otherCommune = await post(club, { kind: 'income', openedOn: '2021-07-01' }, await t.token(['commune_officer'], ['29462'])).expect(403);
    expect(otherCommune.body.type).toMatch(/out-of-scope/);
    await post(club, { kind: 'income', openedOn: '2021-07-01' }, await t.token(['commune_officer'], ['29461'])).expect(201);
    await post(club, { kind: 'activity', openedOn: '2021-07-01' }, await t.token(['district_officer'], ['849'])).expect(201);
    const provincial = await t.establishClub('29462', '2021-06-01');
    await post(provincial, { kind: 'activity', openedOn: '2021-07-01' }, await t.token(['province_officer'], ['84'])).expect(201);
    await post(provincial, { kind: 'income', openedOn: '2021-07-01' }, await t.token(['province_officer'], ['83'])).expect(403);
  });

  it('the same Idempotency-Key opens one fund only', async () => {
    const club = await t.establishClub('29462', '2021-06-01');
    await post(club, { kind: 'income', openedOn: '2021-07-01' }).set('Idempotency-Key', 'open-income').expect(201);
    await post(club, { kind: 'income', openedOn: '2021-07-01' }).set('Idempotency-Key', 'open-income').expect(201);
  });
});
