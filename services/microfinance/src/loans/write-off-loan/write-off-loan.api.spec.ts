import { randomUUID } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { application, defineTwoCommunes, fieldsOf, loansHttp } from '../../spec-support/loans-http';
import { MicrofinanceTestApp, startMicrofinance } from '../../spec-support/microfinance-test-app';

describeWith(['postgres'], 'POST /api/microfinance/loans/{id}/write-off', () => {
  let t: MicrofinanceTestApp;
  let http: ReturnType<typeof loansHttp>;
  let clubId: string;
  let memberId: string;
  const disbursed = async () => {
    const id = (await http.apply(application(clubId, memberId)).expect(201)).body.id as string;
    await http.approve(id, '2025-01-10').expect(200);
    await http.disburse(id, '2025-01-15').expect(200);
    return id;
  };
  const incomeFund = async (asOf?: string) => (await http.funds(clubId, asOf).expect(200)).body.funds.find((f: { kind: string }) => f.kind === 'income');

  beforeAll(async () => {
    t = await startMicrofinance();
    http = loansHttp(t, await t.token());
    await defineTwoCommunes(t);
    clubId = await t.establishClub('29461', '2021-06-01');
    memberId = await t.joinClub(clubId, '2022-03-01');
    await http.openFund(clubId, 'income', '2025-01-02').expect(201);
    await http.contribute(clubId, 40_000_000, '2025-01-02').expect(201);
  });
  afterAll(() => t?.close());

  it('moves the outstanding principal out of the fund’s receivables (200); the reason stays out of the events', async () => {
    const id = await disbursed();
    await http.repay(id, 420_000, '2025-02-15').expect(201);
    const res = await http.writeOff(id, '2025-06-30', 'bà Năm chuyển đi').expect(200);
    expect(res.headers['x-consistency-token']).toMatch(/^microfinance:\d+:\d+$/);
    expect(res.body).toEqual({ id, status: 'written_off', writtenOffOn: '2025-06-30', principalVnd: 3_600_000, interestVnd: 90_000 });
    expect(await incomeFund('2025-06-29')).toMatchObject({ cashVnd: 36_420_000, loansOutstandingVnd: 3_600_000, capitalVnd: 40_020_000, writtenOffVnd: 0 });
    expect(await incomeFund('2025-06-30')).toMatchObject({ cashVnd: 36_420_000, loansOutstandingVnd: 0, capitalVnd: 36_420_000, writtenOffVnd: 3_600_000 });
    expect((await http.loan(id).expect(200)).body).toMatchObject({ status: 'written_off', writeOffReason: 'bà Năm chuyển đi', outstanding: { totalVnd: 0 } });
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM events WHERE data::text LIKE '%Năm%'`);
    expect(rows[0].n).toBe(0);
  });

  it('409 for a loan not disbursed, written off twice, or paid after the write-off', async () => {
    const applied = (await http.apply(application(clubId, memberId)).expect(201)).body.id;
    await http.writeOff(applied, '2025-06-30', 'x').expect(409);
    const id = await disbursed();
    await http.writeOff(id, '2025-06-30', 'moved away').expect(200);
    expect((await http.writeOff(id, '2025-07-01', 'again').expect(409)).body.detail).toMatch(/is written off/);
    await http.repay(id, 1_000, '2025-07-01').expect(409);
  });

  it('400 lists every bad field; names writtenOffOn before the last payment or in the future', async () => {
    const id = await disbursed();
    expect(fieldsOf(await http.post(`/loans/${id}/write-off`, { writtenOffOn: '2025-06-31', reason: '  ' }).expect(400))).toEqual(['reason', 'writtenOffOn']);
    expect(fieldsOf(await http.post(`/loans/${id}/write-off`, { writtenOffOn: '2025-06-30' }).expect(400))).toEqual(['reason']);
    await http.repay(id, 1_000, '2025-03-01').expect(201);
    expect(fieldsOf(await http.writeOff(id, '2025-02-28', 'x').expect(400))).toEqual(['writtenOffOn']);
    expect(fieldsOf(await http.writeOff(id, '2099-01-01', 'x').expect(400))).toEqual(['writtenOffOn']);
  });

  it('404 for an unknown loan; 401 without a token; 403 out of scope', async () => {
    await http.writeOff(randomUUID(), '2025-06-30', 'x').expect(404);
    const id = await disbursed();
    await http.writeOff(id, '2025-06-30', 'x', '').expect(401);
    await http.writeOff(id, '2025-06-30', 'x', await t.token(['commune_officer'], ['29462'])).expect(403);
    await http.writeOff(id, '2025-06-30', 'x', await t.token(['auditor'], ['VN'])).expect(403);
  });
});
