import { randomUUID } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { application, defineTwoCommunes, fieldsOf, loansHttp } from '../../spec-support/loans-http';
import { MicrofinanceTestApp, startMicrofinance } from '../../spec-support/microfinance-test-app';

// Loans of 4,000,000 VND over 10 months at 0.5 %/month disbursed on 2025-01-15: 4,110,000 VND in all,
// instalment 1 = 400,000 principal + 20,000 interest, instalment 2 = 400,000 + 18,000.
describeWith(['postgres'], 'POST /api/microfinance/loans/{id}/repayments', () => {
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
  const count = async (type: string, loanId: string) =>
    (await t.db.pool.query(`SELECT count(*)::int AS n FROM events WHERE type = $1 AND data->>'loanId' = $2`, [type, loanId])).rows[0].n as number;

  beforeAll(async () => {
    t = await startMicrofinance();
    http = loansHttp(t, await t.token());
    await defineTwoCommunes(t);
    clubId = await t.establishClub('29461', '2021-06-01');
    memberId = await t.joinClub(clubId, '2022-03-01');
    await http.openFund(clubId, 'income', '2025-01-02').expect(201);
    await http.contribute(clubId, 20_000_000, '2025-01-02').expect(201);
  });
  afterAll(() => t?.close());

  it('splits a payment oldest instalment first, interest before principal (201); the interest is income of the fund', async () => {
    const id = await disbursed();
    const res = await http.repay(id, 425_000, '2025-02-15').expect(201);
    expect(res.headers['x-consistency-token']).toMatch(/^microfinance:\d+:\d+$/);
    expect(res.body).toEqual({
      id,
      status: 'disbursed',
      paidOn: '2025-02-15',
      amountVnd: 425_000,
      principalVnd: 400_000,
      interestVnd: 25_000, // 20,000 of instalment 1 and 5,000 of instalment 2
      outstandingPrincipalVnd: 3_600_000,
      outstandingInterestVnd: 85_000,
    });
    expect(await incomeFund('2025-02-15')).toMatchObject({ cashVnd: 16_425_000, loansOutstandingVnd: 3_600_000, interestIncomeVnd: 25_000, capitalVnd: 20_025_000 });
    expect(await count('FundRepaymentReceived', id)).toBe(1);
  });

  it('the payment that settles the schedule repays the loan; a payment beyond what is owed is 409 and writes nothing', async () => {
    const id = await disbursed();
    await http.repay(id, 420_000, '2025-02-15').expect(201);
    const over = await http.repay(id, 3_690_001, '2025-03-01').expect(409);
    expect(over.body.detail).toMatch(/3690001 VND exceeds the 3690000 VND still owed/);
    expect(await count('LoanRepaymentReceived', id)).toBe(1);
    expect(await count('FundRepaymentReceived', id)).toBe(1);
    const last = await http.repay(id, 3_690_000, '2025-03-01').expect(201);
    expect(last.body).toMatchObject({ status: 'repaid', principalVnd: 3_600_000, interestVnd: 90_000, outstandingPrincipalVnd: 0, outstandingInterestVnd: 0 });
    expect((await http.loan(id).expect(200)).body).toMatchObject({ status: 'repaid', repaidOn: '2025-03-01' });
    expect((await http.repay(id, 1, '2025-03-02').expect(409)).body.detail).toMatch(/is repaid; it can be repaid only when disbursed/);
  });

  it('409 for a loan not disbursed yet', async () => {
    const id = (await http.apply(application(clubId, memberId)).expect(201)).body.id;
    await http.approve(id, '2025-01-10').expect(200);
    await http.repay(id, 1_000, '2025-02-15').expect(409);
  });

  it('400 lists every bad field; names paidOn before the disbursement, before the last payment or in the future', async () => {
    const id = await disbursed();
    expect(fieldsOf(await http.post(`/loans/${id}/repayments`, { amountVnd: 1.5, paidOn: '15/02/2025' }).expect(400))).toEqual(['amountVnd', 'paidOn']);
    expect(fieldsOf(await http.repay(id, 0, '2025-02-15').expect(400))).toEqual(['amountVnd']);
    expect(fieldsOf(await http.repay(id, 1_000, '2025-01-14').expect(400))).toEqual(['paidOn']);
    expect(fieldsOf(await http.repay(id, 1_000, '2099-01-01').expect(400))).toEqual(['paidOn']);
    await http.repay(id, 1_000, '2025-02-15').expect(201);
    expect(fieldsOf(await http.repay(id, 1_000, '2025-02-14').expect(400))).toEqual(['paidOn']);
    expect(fieldsOf(await http.repay('nope', 1_000, '2025-02-15').expect(400))).toEqual(['id']);
  });

  it('404 for an unknown loan; 401 without a token; 403 out of scope', async () => {
    await http.repay(randomUUID(), 1_000, '2025-02-15').expect(404);
    const id = await disbursed();
    await http.repay(id, 1_000, '2025-02-15', '').expect(401);
    await http.repay(id, 1_000, '2025-02-15', await t.token(['commune_officer'], ['29462'])).expect(403);
    await http.repay(id, 1_000, '2025-02-15', await t.token(['commune_officer'], ['29461'])).expect(201);
  });

  it('the same Idempotency-Key records one payment and replays the answer', async () => {
    const id = await disbursed();
    const first = await http.repay(id, 420_000, '2025-02-15').set('Idempotency-Key', `pay-${id}`).expect(201);
    const again = await http.repay(id, 420_000, '2025-02-15').set('Idempotency-Key', `pay-${id}`).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await count('LoanRepaymentReceived', id)).toBe(1);
  });
});
