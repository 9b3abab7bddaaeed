import { randomUUID } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { application, defineTwoCommunes, fieldsOf, loansHttp } from '../../spec-support/loans-http';
import { MicrofinanceTestApp, startMicrofinance } from '../../spec-support/microfinance-test-app';

describeWith(['postgres'], 'POST /api/microfinance/loans/{id}/disbursement', () => {
  let t: MicrofinanceTestApp;
  let http: ReturnType<typeof loansHttp>;
  let clubId: string;
  let memberId: string;
  const approved = async (club = clubId, member = memberId, overrides: object = {}) => {
    const id = (await http.apply(application(club, member, overrides)).expect(201)).body.id as string;
    await http.approve(id, '2025-01-10').expect(200);
    return id;
  };
  const cashOn = async (club: string, asOf?: string) => (await http.funds(club, asOf).expect(200)).body.funds.find((f: { kind: string }) => f.kind === 'income').cashVnd;
  const eventCount = async (type: string) => (await t.db.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = $1`, [type])).rows[0].n as number;

  beforeAll(async () => {
    t = await startMicrofinance();
    http = loansHttp(t, await t.token());
    await defineTwoCommunes(t);
    clubId = await t.establishClub('29461', '2021-06-01');
    memberId = await t.joinClub(clubId, '2022-03-01');
    await http.openFund(clubId, 'income', '2025-01-02').expect(201);
    await http.contribute(clubId, 10_000_000, '2025-01-02').expect(201);
  });
  afterAll(() => t?.close());

  it('lends from the income fund (200 with the schedule); loan and fund are appended in one transaction', async () => {
    const id = await approved();
    const res = await http.disburse(id, '2025-01-15').expect(200);
    expect(res.headers['x-consistency-token']).toMatch(/^microfinance:\d+:\d+$/);
    expect(res.body).toMatchObject({ id, status: 'disbursed', disbursedOn: '2025-01-15', principalVnd: 4_000_000 });
    expect(res.body.schedule).toHaveLength(10);
    expect(res.body.schedule[0]).toEqual({ number: 1, dueOn: '2025-02-15', principalVnd: 400_000, interestVnd: 20_000 });
    expect(res.body.schedule[9]).toEqual({ number: 10, dueOn: '2025-11-15', principalVnd: 400_000, interestVnd: 2_000 });
    expect(await cashOn(clubId, '2025-01-15')).toBe(6_000_000);
    const { rows } = await t.db.pool.query<{ type: string; tx: string }>(
      `SELECT type, transaction_id::text AS tx FROM events WHERE (type = 'LoanDisbursed' OR type = 'FundLoanDisbursed') AND data->>'loanId' = $1`,
      [id],
    );
    expect(rows.map((r) => r.type).sort()).toEqual(['FundLoanDisbursed', 'LoanDisbursed']);
    expect(new Set(rows.map((r) => r.tx)).size).toBe(1);
  });

  it('409 beyond the fund’s cash on that day: nothing is written and the loan stays approved', async () => {
    const id = await approved(clubId, memberId, { principalVnd: 6_000_001 });
    const before = [await eventCount('LoanDisbursed'), await eventCount('FundLoanDisbursed')];
    const res = await http.disburse(id, '2025-01-16').expect(409);
    expect(res.body.detail).toMatch(/holds 6000000 VND on 2025-01-16; it cannot lend 6000001 VND/);
    expect([await eventCount('LoanDisbursed'), await eventCount('FundLoanDisbursed')]).toEqual(before);
    expect((await http.loan(id).expect(200)).body.status).toBe('approved');
    // Back-dated before the first loan: 10,000,000 on 01-14, but lending 6,000,001 then would leave 01-15 negative.
    const backdated = (await http.disburse(id, '2025-01-14').expect(409)).body.detail;
    expect(backdated).toMatch(/holds 6000000 VND on 2025-01-14/);
  });

  it('409 when the club’s income fund is not open', async () => {
    const club = await t.establishClub('29461', '2021-06-01');
    const member = await t.joinClub(club, '2022-01-01');
    const id = await approved(club, member);
    const res = await http.disburse(id, '2025-01-15').expect(409);
    expect(res.body.detail).toMatch(/income fund is not open/);
  });

  it('409 for a loan not approved yet or already disbursed, and for a borrower who left the club before the day', async () => {
    const appliedOnly = (await http.apply(application(clubId, memberId)).expect(201)).body.id;
    expect((await http.disburse(appliedOnly, '2025-01-15').expect(409)).body.detail).toMatch(/is applied; it can be disbursed only when approved/);
    const id = await approved(clubId, memberId, { principalVnd: 100_000 });
    await http.disburse(id, '2025-01-15').expect(200);
    await http.disburse(id, '2025-01-16').expect(409);
    const leaver = await t.joinClub(clubId, '2022-01-01');
    const left = await approved(clubId, leaver, { principalVnd: 100_000 });
    await t.leaveClub(leaver, clubId, '2025-01-12');
    expect((await http.disburse(left, '2025-01-12').expect(409)).body.detail).toMatch(/not a member of club .* on 2025-01-12/);
  });

  it('400 names disbursedOn malformed, before the approval or in the future; 404 for an unknown loan', async () => {
    const id = await approved(clubId, memberId, { principalVnd: 1_000 });
    expect(fieldsOf(await http.disburse(id, 'soon').expect(400))).toEqual(['disbursedOn']);
    expect(fieldsOf(await http.disburse(id, '2025-01-09').expect(400))).toEqual(['disbursedOn']);
    expect(fieldsOf(await http.disburse(id, '2099-01-01').expect(400))).toEqual(['disbursedOn']);
    expect(fieldsOf(await http.disburse('x', '2025-01-15').expect(400))).toEqual(['id']);
    await http.disburse(randomUUID(), '2025-01-15').expect(404);
  });

  it('401 without a token; 403 out of scope', async () => {
    const id = await approved(clubId, memberId, { principalVnd: 1_000 });
    await http.disburse(id, '2025-01-15', '').expect(401);
    await http.disburse(id, '2025-01-15', await t.token(['commune_officer'], ['29462'])).expect(403);
    await http.disburse(id, '2025-01-15', await t.token(['province_officer'], ['84'])).expect(200);
  });

  it('the same Idempotency-Key disburses once and replays the answer', async () => {
    const id = await approved(clubId, memberId, { principalVnd: 2_000 });
    const first = await http.disburse(id, '2025-01-15').set('Idempotency-Key', `disburse-${id}`).expect(200);
    const again = await http.disburse(id, '2025-01-15').set('Idempotency-Key', `disburse-${id}`).expect(200);
    expect(again.body).toEqual(first.body);
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'FundLoanDisbursed' AND data->>'loanId' = $1`, [id]);
    expect(rows[0].n).toBe(1);
  });
});
