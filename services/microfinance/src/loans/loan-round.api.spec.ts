import { LoanDisbursedV1, LoanRepaymentReceivedV1, LoanWrittenOffV1, MicrofinanceEventType, microfinanceEventSchemas } from '@ishc/contracts';
import { describeWith } from '@ishc/testing';
import {
  HAND_DAYS_PAST_DUE,
  HAND_INTEREST_INCOME,
  HAND_PORTFOLIO,
  HAND_SCHEDULE,
  HAND_WRITTEN_OFF,
  ROUND_EVENTS,
  ROUND_FUND,
  ROUND_LOANS,
  ROUND_TERMS,
  RoundLoan,
} from '../funds/domain/loan-round.fixture';
import { application, defineTwoCommunes, loansHttp } from '../spec-support/loans-http';
import { MicrofinanceTestApp, startMicrofinance } from '../spec-support/microfinance-test-app';

// The hand-computed round (funds/domain/loan-round.fixture.ts), played over HTTP: every figure the
// API answers on each date — schedules, days past due, outstanding, PAR30, the fund's cash and capital —
// must be the hand-computed one.
describeWith(['postgres'], 'the hand-computed round over HTTP: 5 loans of 4,000,000 VND from a 20,000,000 VND fund', () => {
  let t: MicrofinanceTestApp;
  let http: ReturnType<typeof loansHttp>;
  let clubId: string;
  const loanIds = {} as Record<RoundLoan, string>;
  const loanOn = async (loan: RoundLoan, asOf: string) => (await http.loan(loanIds[loan], asOf).expect(200)).body;
  const incomeFundOn = async (asOf: string) => (await http.funds(clubId, asOf).expect(200)).body.funds.find((f: { kind: string }) => f.kind === 'income');

  beforeAll(async () => {
    t = await startMicrofinance();
    http = loansHttp(t, await t.token());
    await defineTwoCommunes(t);
    clubId = await t.establishClub('29461', '2021-06-01');
    await http.openFund(clubId, 'income', ROUND_FUND.openedOn).expect(201);
    for (const c of ROUND_FUND.contributions) await http.contribute(clubId, c.amountVnd, c.receivedOn, c.source).expect(201);
    const { principalVnd, termMonths, monthlyRatePct, appliedOn, approvedOn, disbursedOn } = ROUND_TERMS;
    for (const loan of ROUND_LOANS) {
      const memberId = await t.joinClub(clubId, '2022-03-01');
      loanIds[loan] = (await http.apply(application(clubId, memberId, { principalVnd, termMonths, monthlyRatePct, appliedOn })).expect(201)).body.id;
      await http.approve(loanIds[loan], approvedOn).expect(200);
      await http.disburse(loanIds[loan], disbursedOn).expect(200);
    }
    for (const e of ROUND_EVENTS) {
      if ('pay' in e) await http.repay(loanIds[e.loan], e.pay, e.on).expect(201);
      else await http.writeOff(loanIds[e.loan], e.on, e.writeOff).expect(200);
    }
  });
  afterAll(() => t?.close());

  it('fixes every loan to the hand-computed schedule, and shows what is paid of each instalment', async () => {
    for (const loan of ROUND_LOANS) {
      const { schedule } = await loanOn(loan, '2025-12-31');
      expect(schedule.map((i: { dueOn: string; principalVnd: number; interestVnd: number }) => [i.dueOn, i.principalVnd, i.interestVnd])).toEqual(HAND_SCHEDULE.map((row) => [...row]));
    }
    // L1 on 2025-04-20: instalments 1–3 paid on time, 4 not yet due.
    const l1 = await loanOn('L1', '2025-04-20');
    expect(l1.schedule.map((i: { paid: boolean }) => i.paid)).toEqual([true, true, true, false, false, false, false, false, false, false]);
    expect(l1).toMatchObject({ status: 'disbursed', paid: { totalVnd: 1_254_000, principalVnd: 1_200_000, interestVnd: 54_000 }, outstanding: { principalVnd: 2_800_000 } });
    // L4 paid the first month's interest only: instalment 1 half settled.
    expect((await loanOn('L4', '2025-02-28')).schedule[0]).toMatchObject({ interestPaidVnd: 20_000, principalPaidVnd: 0, paid: false });
    expect(await loanOn('L5', '2025-02-10')).toMatchObject({ status: 'repaid', repaidOn: '2025-02-10', outstanding: { totalVnd: 0 } });
    expect(await loanOn('L3', '2025-04-30')).toMatchObject({ status: 'written_off', writtenOffOn: '2025-04-30', outstanding: { totalVnd: 0 } });
    expect(await loanOn('L3', '2025-04-29')).toMatchObject({ status: 'disbursed', daysPastDue: 73, arrearsBucket: '61-90' });
  });

  it.each(HAND_DAYS_PAST_DUE)('GET /loans/{id}?asOf=%s gives each loan’s hand-computed days past due', async (asOf, expected) => {
    const standings = await Promise.all(ROUND_LOANS.map((loan) => loanOn(loan, asOf)));
    expect(standings.map((s) => s.daysPastDue)).toEqual(expected);
    expect(standings.map((s) => s.arrearsBucket)).toEqual(expected.map(bucketOf));
  });

  it.each(HAND_PORTFOLIO)('on %s: outstanding %d, PAR30 %d, cash %d, capital %d — from the loans, the club’s loans and the fund', async (asOf, outstanding, par30, cash, capital) => {
    const standings = await Promise.all(ROUND_LOANS.map((loan) => loanOn(loan, asOf)));
    const principal = standings.map((s) => s.outstanding.principalVnd as number);
    expect(principal.reduce((a, b) => a + b, 0)).toBe(outstanding);
    expect(principal.filter((_, i) => standings[i].daysPastDue > 30).reduce((a, b) => a + b, 0)).toBe(par30);
    expect((await http.clubLoans(clubId, asOf).expect(200)).body.portfolio).toEqual({
      outstandingPrincipalVnd: outstanding,
      par30PrincipalVnd: par30,
      par30Pct: outstanding === 0 ? null : (100 * par30) / outstanding,
    });
    expect(await incomeFundOn(asOf)).toMatchObject({ cashVnd: cash, loansOutstandingVnd: outstanding, capitalVnd: capital });
  });

  it('ends with capital = contributions + interest − write-offs', async () => {
    expect(await incomeFundOn('2025-12-31')).toMatchObject({
      contributionsVnd: { commune_committee: 12_000_000, vae: 8_000_000, project: 0, donor: 0, members: 0 },
      interestIncomeVnd: HAND_INTEREST_INCOME,
      writtenOffVnd: HAND_WRITTEN_OFF,
      capitalVnd: 20_000_000 + HAND_INTEREST_INCOME - HAND_WRITTEN_OFF,
    });
  });

  it('lists the club’s loans with their standing on a date', async () => {
    const { loans } = (await http.clubLoans(clubId, '2025-04-20').expect(200)).body;
    expect(loans.map((l: { id: string }) => l.id).sort()).toEqual(Object.values(loanIds).sort());
    const byId = new Map(loans.map((l: { id: string }) => [l.id, l]));
    expect(byId.get(loanIds.L2)).toMatchObject({ status: 'disbursed', outstandingPrincipalVnd: 3_600_000, daysPastDue: 36, arrearsBucket: '31-60', disbursedOn: '2025-01-15' });
    expect(byId.get(loanIds.L5)).toMatchObject({ status: 'repaid', outstandingPrincipalVnd: 0 });
    expect((await http.clubLoans(clubId, '2025-01-05').expect(200)).body).toMatchObject({ loans: [], portfolio: { outstandingPrincipalVnd: 0, par30Pct: null } });
  });

  it('publishes only the fields of the contracts: ids, amounts, dates and terms (no purpose, no reason, no personal data)', async () => {
    const { rows } = await t.db.pool.query<{ type: MicrofinanceEventType; data: Record<string, unknown> }>(`SELECT type, data FROM events WHERE stream_id LIKE 'loan-%' OR stream_id LIKE 'fund-%'`);
    expect(new Set(rows.map((r) => r.type))).toEqual(
      new Set(['FundOpened', 'FundContributionReceived', 'LoanApplied', 'LoanApproved', 'LoanDisbursed', 'FundLoanDisbursed', 'LoanRepaymentReceived', 'FundRepaymentReceived', 'LoanRepaid', 'LoanWrittenOff', 'FundLoanWrittenOff']),
    );
    for (const { type, data } of rows) {
      const schema = microfinanceEventSchemas[type].schema as { required: string[]; properties: Record<string, unknown> };
      expect({ type, fields: Object.keys(data).sort() }).toEqual({ type, fields: Object.keys(schema.properties).sort() });
      expect(schema.required.sort()).toEqual(Object.keys(schema.properties).sort());
    }
  });

  it('the published LoanDisbursed events alone give the members with a loan disbursed within a period (members_with_loan_pct)', async () => {
    const { rows } = await t.db.pool.query<{ data: LoanDisbursedV1 }>(`SELECT data FROM events WHERE type = 'LoanDisbursed'`);
    const borrowersWithin = (start: string, end: string) => new Set(rows.filter((r) => r.data.clubId === clubId && start <= r.data.disbursedOn && r.data.disbursedOn <= end).map((r) => r.data.memberId));
    expect(borrowersWithin('2025-01-01', '2025-04-30').size).toBe(5);
    expect(borrowersWithin('2025-01-16', '2025-04-30').size).toBe(0);
  });

  // What reporting will do (libs/contracts microfinance-events.ts): the published loan events alone give
  // loans_outstanding_vnd and PAR30 on any date, without microfinance's code.
  it.each(HAND_PORTFOLIO)('the published loan events alone give, on %s, outstanding %d and PAR30 %d', async (asOf, outstanding, par30) => {
    const { rows } = await t.db.pool.query<{ type: string; data: unknown }>(
      `SELECT type, data FROM events WHERE type IN ('LoanDisbursed', 'LoanRepaymentReceived', 'LoanWrittenOff') ORDER BY global_position`,
    );
    const fromEvents = Object.values(loanIds).map((loanId) => standingFromEvents(rows, loanId, asOf));
    expect(fromEvents.reduce((s, l) => s + l.outstanding, 0)).toBe(outstanding);
    expect(fromEvents.filter((l) => l.daysPastDue > 30).reduce((s, l) => s + l.outstanding, 0)).toBe(par30);
  });
});

function bucketOf(days: number): string {
  if (days <= 0) return 'current';
  if (days <= 30) return '1-30';
  if (days <= 60) return '31-60';
  return days <= 90 ? '61-90' : '>90';
}

/** The recipe documented in libs/contracts for reporting, written out independently of the domain code. */
function standingFromEvents(rows: { type: string; data: unknown }[], loanId: string, asOf: string): { outstanding: number; daysPastDue: number } {
  const ofLoan = rows.filter((r) => (r.data as { loanId: string }).loanId === loanId);
  const disbursed = ofLoan.find((r) => r.type === 'LoanDisbursed')?.data as LoanDisbursedV1 | undefined;
  const writtenOff = ofLoan.find((r) => r.type === 'LoanWrittenOff')?.data as LoanWrittenOffV1 | undefined;
  if (!disbursed || asOf < disbursed.disbursedOn || (writtenOff && writtenOff.writtenOffOn <= asOf)) return { outstanding: 0, daysPastDue: 0 };
  const payments = ofLoan.filter((r) => r.type === 'LoanRepaymentReceived').map((r) => r.data as LoanRepaymentReceivedV1).filter((p) => p.paidOn <= asOf);
  const outstanding = disbursed.principalVnd - payments.reduce((s, p) => s + p.principalVnd, 0);
  let paid = payments.reduce((s, p) => s + p.amountVnd, 0);
  for (const instalment of disbursed.schedule) {
    const due = instalment.interestVnd + instalment.principalVnd;
    if (paid < due) {
      const days = Math.round((Date.parse(asOf) - Date.parse(instalment.dueOn)) / 86_400_000);
      return { outstanding, daysPastDue: Math.max(0, days) };
    }
    paid -= due;
  }
  return { outstanding, daysPastDue: 0 };
}
