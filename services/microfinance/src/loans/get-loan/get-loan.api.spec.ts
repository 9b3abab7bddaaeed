import { randomUUID } from 'node:crypto';
import { describeWith } from '@ishc/testing';
import { application, defineTwoCommunes, fieldsOf, loansHttp } from '../../spec-support/loans-http';
import { MicrofinanceTestApp, startMicrofinance } from '../../spec-support/microfinance-test-app';

// The figures of a standing on a date are specified by the hand-computed round (loans/loan-round.api.spec.ts);
// here: the answer's shape, the default date, and every 4xx of the two reads.
describeWith(['postgres'], 'GET /api/microfinance/loans/{id} and /clubs/{clubId}/loans', () => {
  let t: MicrofinanceTestApp;
  let http: ReturnType<typeof loansHttp>;
  let clubId: string;
  let memberId: string;
  let loanId: string;

  beforeAll(async () => {
    t = await startMicrofinance();
    http = loansHttp(t, await t.token());
    await defineTwoCommunes(t);
    clubId = await t.establishClub('29461', '2021-06-01');
    memberId = await t.joinClub(clubId, '2022-03-01');
    await http.openFund(clubId, 'income', '2025-01-02').expect(201);
    await http.contribute(clubId, 5_000_000, '2025-01-02').expect(201);
    loanId = (await http.apply(application(clubId, memberId, { principalVnd: 1_000_000, termMonths: 3, monthlyRatePct: '1' })).expect(201)).body.id;
    await http.approve(loanId, '2025-01-10').expect(200);
    await http.disburse(loanId, '2025-01-31').expect(200);
  });
  afterAll(() => t?.close());

  it('answers the loan as of today by default: status, schedule with what is paid, paid, outstanding, days past due', async () => {
    await http.repay(loanId, 343_334, '2025-02-28').expect(201);
    const res = await http.loan(loanId).expect(200);
    expect(res.body).toEqual({
      id: loanId,
      clubId,
      memberId,
      purpose: 'chăn nuôi',
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      status: 'disbursed',
      principalVnd: 1_000_000,
      termMonths: 3,
      monthlyRatePct: '1',
      appliedOn: '2025-01-06',
      approvedOn: '2025-01-10',
      disbursedOn: '2025-01-31',
      repaidOn: null,
      writtenOffOn: null,
      // 31 Jan + 1 month = 28 Feb (the month's last day), + 2 = 31 Mar, + 3 = 30 Apr
      schedule: [
        { number: 1, dueOn: '2025-02-28', principalVnd: 333_333, interestVnd: 10_000, principalPaidVnd: 333_333, interestPaidVnd: 10_000, paid: true },
        { number: 2, dueOn: '2025-03-31', principalVnd: 333_333, interestVnd: 6_667, principalPaidVnd: 0, interestPaidVnd: 1, paid: false },
        { number: 3, dueOn: '2025-04-30', principalVnd: 333_334, interestVnd: 3_333, principalPaidVnd: 0, interestPaidVnd: 0, paid: false },
      ],
      paid: { totalVnd: 343_334, principalVnd: 333_333, interestVnd: 10_001 },
      outstanding: { totalVnd: 676_666, principalVnd: 666_667, interestVnd: 9_999 },
      daysPastDue: expect.any(Number),
      arrearsBucket: '>90',
      writeOffReason: null,
    });
    expect(res.body.daysPastDue).toBeGreaterThan(90);
    expect((await http.loan(loanId, '2025-04-01').expect(200)).body).toMatchObject({ asOf: '2025-04-01', daysPastDue: 1, arrearsBucket: '1-30' });
  });

  it('400 names asOf malformed or before the application, an unknown query parameter and an id that is not a UUID', async () => {
    expect(fieldsOf(await http.loan(loanId, '2025-02-30').expect(400))).toEqual(['asOf']);
    expect(fieldsOf(await http.loan(loanId, '2025-01-05').expect(400))).toEqual(['asOf']);
    expect(fieldsOf(await http.get(`/loans/${loanId}?as_of=2025-01-05`).expect(400))).toEqual(['as_of']);
    expect(fieldsOf(await http.loan('L1').expect(400))).toEqual(['id']);
    expect(fieldsOf(await http.clubLoans(clubId, 'today').expect(400))).toEqual(['asOf']);
    expect(fieldsOf(await http.clubLoans('club-1').expect(400))).toEqual(['clubId']);
  });

  it('404 for an unknown loan or club', async () => {
    await http.loan(randomUUID()).expect(404);
    await http.clubLoans(randomUUID()).expect(404);
  });

  it('401 without a token; 403 out of scope or without an officer role', async () => {
    await http.loan(loanId, undefined, '').expect(401);
    await http.clubLoans(clubId, undefined, '').expect(401);
    const other = await t.token(['commune_officer'], ['29462']);
    await http.loan(loanId, undefined, other).expect(403);
    await http.clubLoans(clubId, undefined, other).expect(403);
    await http.loan(loanId, undefined, await t.token(['auditor'], ['VN'])).expect(403);
    const own = await t.token(['commune_officer'], ['29461']);
    await http.loan(loanId, undefined, own).expect(200);
    expect((await http.clubLoans(clubId, undefined, own).expect(200)).body.loans.map((l: { id: string }) => l.id)).toEqual([loanId]);
  });
});
