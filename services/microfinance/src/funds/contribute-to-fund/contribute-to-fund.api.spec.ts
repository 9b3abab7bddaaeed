import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { FundContributionReceivedV1 } from '@ishc/contracts';
import { describeWith } from '@ishc/testing';
import { MicrofinanceTestApp, startMicrofinance } from '../../spec-support/microfinance-test-app';

describeWith(['postgres'], 'contributions and positions of club funds', () => {
  let t: MicrofinanceTestApp;
  let admin: string;
  let clubId: string;
  const server = () => t.app.getHttpServer();
  const contribute = (club: string, kind: string, body: object, token = admin) =>
    request(server()).post(`/api/microfinance/clubs/${club}/funds/${kind}/contributions`).set('Authorization', `Bearer ${token}`).send(body);
  const funds = (club: string, query = '', token = admin) => request(server()).get(`/api/microfinance/clubs/${club}/funds${query}`).set('Authorization', `Bearer ${token}`);
  const fieldsOf = (res: request.Response) => res.body.errors.map((e: { field: string }) => e.field).sort();

  beforeAll(async () => {
    t = await startMicrofinance();
    admin = await t.token();
    await t.defineUnit({ code: 'VN', name: 'Việt Nam', level: 'country', parentCode: null, validFrom: '1976-07-02', validTo: null });
    await t.defineUnit({ code: '84', name: 'Tỉnh Trà Vinh', level: 'province', parentCode: 'VN', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '29461', name: 'Xã A', level: 'commune', parentCode: '84', validFrom: '1992-05-01', validTo: null });
    await t.defineUnit({ code: '29462', name: 'Xã B', level: 'commune', parentCode: '84', validFrom: '1992-05-01', validTo: null });
    clubId = await t.establishClub('29461', '2021-06-01');
    for (const kind of ['income', 'activity']) {
      await request(server()).post(`/api/microfinance/clubs/${clubId}/funds`).set('Authorization', `Bearer ${admin}`).send({ kind, openedOn: '2021-06-15' }).expect(201);
    }
  });
  afterAll(() => t?.close());

  it('records contributions (201) and answers each fund’s cash, contributions by source and capital on a date', async () => {
    const res = await contribute(clubId, 'income', { amountVnd: 10_000_000, source: 'commune_committee', receivedOn: '2021-07-01' }).expect(201);
    expect(res.body).toEqual({ clubId, kind: 'income', amountVnd: 10_000_000, source: 'commune_committee', receivedOn: '2021-07-01' });
    expect(res.headers['x-consistency-token']).toMatch(/^microfinance:\d+:\d+$/);
    await contribute(clubId, 'income', { amountVnd: 2_500_000, source: 'members', receivedOn: '2022-01-10' }).expect(201);
    // Recorded late: dated before the one above.
    await contribute(clubId, 'income', { amountVnd: 1_234_567, source: 'donor', receivedOn: '2021-12-01' }).expect(201);
    await contribute(clubId, 'activity', { amountVnd: 300_000, source: 'members', receivedOn: '2021-08-01' }).expect(201);

    const now = (await funds(clubId).expect(200)).body;
    expect(now.funds).toEqual([
      {
        kind: 'income',
        openedOn: '2021-06-15',
        cashVnd: 13_734_567,
        loansOutstandingVnd: 0,
        capitalVnd: 13_734_567,
        contributionsVnd: { commune_committee: 10_000_000, vae: 0, project: 0, donor: 1_234_567, members: 2_500_000 },
        interestIncomeVnd: 0,
        writtenOffVnd: 0,
      },
      expect.objectContaining({ kind: 'activity', cashVnd: 300_000, capitalVnd: 300_000 }),
    ]);
    const dec2021 = (await funds(clubId, '?asOf=2021-12-31').expect(200)).body;
    expect(dec2021.asOf).toBe('2021-12-31');
    expect(dec2021.funds.map((f: { cashVnd: number }) => f.cashVnd)).toEqual([11_234_567, 300_000]);
    // Before the funds were opened there are none.
    expect((await funds(clubId, '?asOf=2021-06-14').expect(200)).body.funds).toEqual([]);
  });

  it('the ledger’s cash equals the sum of the FundContributionReceived events it published, to the đồng', async () => {
    const { rows } = await t.db.pool.query<{ data: FundContributionReceivedV1 }>(`SELECT data FROM events WHERE type = 'FundContributionReceived'`);
    const income = rows.filter((r) => r.data.clubId === clubId && r.data.kind === 'income').reduce((s, r) => s + r.data.amountVnd, 0);
    const [fund] = (await funds(clubId).expect(200)).body.funds;
    expect(fund.cashVnd).toBe(income);
  });

  it('400 lists every bad field; names kind of an unknown fund kind and receivedOn before the fund opened or in the future', async () => {
    const bad = await contribute(clubId, 'income', { amountVnd: 1.5, source: 'bank', receivedOn: 'yesterday', note: 'x' }).expect(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['amountVnd', 'receivedOn', 'source']));
    expect(fieldsOf(await contribute(clubId, 'income', { amountVnd: 0, source: 'members', receivedOn: '2022-01-01' }).expect(400))).toEqual(['amountVnd']);
    expect(fieldsOf(await contribute(clubId, 'savings', { amountVnd: 1, source: 'members', receivedOn: '2022-01-01' }).expect(400))).toEqual(['kind']);
    expect(fieldsOf(await contribute('42', 'income', { amountVnd: 1, source: 'members', receivedOn: '2022-01-01' }).expect(400))).toEqual(['clubId']);
    expect(fieldsOf(await contribute(clubId, 'income', { amountVnd: 1, source: 'members', receivedOn: '2021-06-14' }).expect(400))).toEqual(['receivedOn']);
    expect(fieldsOf(await contribute(clubId, 'income', { amountVnd: 1, source: 'members', receivedOn: '2099-06-14' }).expect(400))).toEqual(['receivedOn']);
    expect(fieldsOf(await funds(clubId, '?asOf=2021-02-30').expect(400))).toEqual(['asOf']);
    expect(fieldsOf(await funds('nope').expect(400))).toEqual(['clubId']);
  });

  it('404 for a fund not opened and for the funds of an unknown club; 409 for money to a club not known yet', async () => {
    const club = await t.establishClub('29462', '2021-06-01');
    const notOpen = await contribute(club, 'income', { amountVnd: 1, source: 'members', receivedOn: '2022-01-01' }).expect(404);
    expect(notOpen.body.detail).toMatch(/not open/);
    await funds(randomUUID()).expect(404);
    const unknown = await contribute(randomUUID(), 'income', { amountVnd: 1, source: 'members', receivedOn: '2022-01-01' }).expect(409);
    expect(unknown.body.detail).toMatch(/not known to microfinance yet/);
  });

  it('401 without a token; 403 out of scope or without an officer role, on writes and reads', async () => {
    await request(server()).get(`/api/microfinance/clubs/${clubId}/funds`).expect(401);
    await request(server()).post(`/api/microfinance/clubs/${clubId}/funds/income/contributions`).send({}).expect(401);
    const other = await t.token(['commune_officer'], ['29462']);
    await contribute(clubId, 'income', { amountVnd: 1, source: 'members', receivedOn: '2022-01-01' }, other).expect(403);
    await funds(clubId, '', other).expect(403);
    await funds(clubId, '', await t.token(['auditor'], ['VN'])).expect(403);
    const own = await t.token(['commune_officer'], ['29461']);
    await contribute(clubId, 'activity', { amountVnd: 1, source: 'members', receivedOn: '2022-01-01' }, own).expect(201);
    await funds(clubId, '', await t.token(['province_officer'], ['84'])).expect(200);
  });
});
