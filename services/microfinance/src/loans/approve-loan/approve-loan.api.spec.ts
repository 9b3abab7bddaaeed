import { randomUUID } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { application, defineTwoCommunes, fieldsOf, loansHttp } from '../../spec-support/loans-http';
import { MicrofinanceTestApp, startMicrofinance } from '../../spec-support/microfinance-test-app';

describeWith(['postgres'], 'POST /api/microfinance/loans/{id}/approval', () => {
  let t: MicrofinanceTestApp;
  let http: ReturnType<typeof loansHttp>;
  let clubId: string;
  let memberId: string;
  const applied = async () => (await http.apply(application(clubId, memberId)).expect(201)).body.id as string;

  beforeAll(async () => {
    t = await startMicrofinance();
    http = loansHttp(t, await t.token());
    await defineTwoCommunes(t);
    clubId = await t.establishClub('29461', '2021-06-01');
    memberId = await t.joinClub(clubId, '2022-03-01');
  });
  afterAll(() => t?.close());

  it('approves an applied loan (200 with a consistency token); approving it again is 409', async () => {
    const id = await applied();
    const res = await http.approve(id, '2025-01-10').expect(200);
    expect(res.body).toEqual({ id, status: 'approved', approvedOn: '2025-01-10' });
    expect(res.headers['x-consistency-token']).toMatch(/^microfinance:\d+:\d+$/);
    expect((await http.loan(id).expect(200)).body).toMatchObject({ status: 'approved', approvedOn: '2025-01-10' });
    const again = await http.approve(id, '2025-01-11').expect(409);
    expect(again.body.detail).toMatch(/is approved; it can be approved only when applied/);
  });

  it('400 names approvedOn malformed, before the application or in the future, and id not a UUID', async () => {
    const id = await applied();
    expect(fieldsOf(await http.approve(id, '2025-13-01').expect(400))).toEqual(['approvedOn']);
    expect(fieldsOf(await http.post(`/loans/${id}/approval`, { approvedOn: '2025-01-10', by: 'x' }).expect(400))).toEqual(['by']);
    expect(fieldsOf(await http.approve(id, '2025-01-05').expect(400))).toEqual(['approvedOn']);
    expect(fieldsOf(await http.approve(id, '2099-01-01').expect(400))).toEqual(['approvedOn']);
    expect(fieldsOf(await http.approve('42', '2025-01-10').expect(400))).toEqual(['id']);
  });

  it('404 for an unknown loan', async () => {
    const res = await http.approve(randomUUID(), '2025-01-10').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('401 without a token; 403 out of scope', async () => {
    const id = await applied();
    await http.approve(id, '2025-01-10', '').expect(401);
    await http.approve(id, '2025-01-10', await t.token(['commune_officer'], ['29462'])).expect(403);
    await http.approve(id, '2025-01-10', await t.token(['auditor'], ['VN'])).expect(403);
    await http.approve(id, '2025-01-10', await t.token(['commune_officer'], ['29461'])).expect(200);
  });
});
