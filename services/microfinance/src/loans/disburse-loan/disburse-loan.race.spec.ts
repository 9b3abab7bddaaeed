import { PostgresEventStore } from '@ishc/event-store';
import { EVENT_STORE, withRuleProblems } from '@ishc/platform';
import { describeWith } from '@ishc/testing';
import { PoolClient } from 'pg';
import { application, defineTwoCommunes, loansHttp } from '../../spec-support/loans-http';
import { MicrofinanceTestApp, startMicrofinance } from '../../spec-support/microfinance-test-app';
import { decideOnLoan } from '../loan-streams';

// Two disbursements that the fund's cash covers only one of, racing in real PostgreSQL: the loser must not
// lend what the winner took (the fund's cash never goes negative), and must leave nothing behind.
describeWith(['postgres'], 'racing disbursements from one income fund', () => {
  let t: MicrofinanceTestApp;
  let http: ReturnType<typeof loansHttp>;
  let store: PostgresEventStore;
  let clubId: string;
  let memberId: string;

  const approvedLoans = async (count: number, principalVnd: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = (await http.apply(application(clubId, memberId, { principalVnd })).expect(201)).body.id as string;
      await http.approve(id, '2025-01-10').expect(200);
      ids.push(id);
    }
    return ids;
  };
  const disburseIn = (client: PoolClient, loanId: string) =>
    decideOnLoan(store, { loanId, command: { type: 'DisburseLoan', loanId, disbursedOn: '2025-01-15', today: '2026-01-01' }, client, metadata: {}, today: '2026-01-01' });
  const incomeFund = async () => (await http.funds(clubId).expect(200)).body.funds.find((f: { kind: string }) => f.kind === 'income');
  const disbursedLoans = async (ids: string[]) =>
    (await t.db.pool.query<{ id: string }>(`SELECT data->>'loanId' AS id FROM events WHERE type = 'LoanDisbursed' AND data->>'loanId' = ANY($1)`, [ids])).rows.map((r) => r.id);

  beforeAll(async () => {
    t = await startMicrofinance();
    http = loansHttp(t, await t.token());
    store = t.app.get<PostgresEventStore>(EVENT_STORE);
    await defineTwoCommunes(t);
    clubId = await t.establishClub('29461', '2021-06-01');
    memberId = await t.joinClub(clubId, '2022-03-01');
    await http.openFund(clubId, 'income', '2025-01-02').expect(201);
    await http.contribute(clubId, 5_000_000, '2025-01-02').expect(201);
  });
  afterAll(() => t?.close());

  it('when B decides while A holds the fund uncommitted, B waits, is decided again on A’s ledger and is refused (409)', async () => {
    const [a, b] = await approvedLoans(2, 4_000_000);
    const clientA = await t.db.pool.connect();
    const clientB = await t.db.pool.connect();
    try {
      await clientA.query('BEGIN');
      await disburseIn(clientA, a); // A's loan and fund events appended, not committed
      await clientB.query('BEGIN');
      const raceB = withRuleProblems(() => disburseIn(clientB, b)).then(
        () => 'won',
        (error: { status?: number; message: string }) => ({ status: error.status, message: error.message }),
      );
      // B read the fund before A committed and now waits on A's append to the fund stream.
      await waitUntil(async () => (await t.db.pool.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`, [pidOf(clientB)])).rowCount === 1);
      await clientA.query('COMMIT');
      const outcome = await raceB;
      await clientB.query('ROLLBACK');
      expect(outcome).toEqual({ status: 409, message: expect.stringMatching(/holds 1000000 VND on 2025-01-15; it cannot lend 4000000 VND/) });
    } finally {
      clientA.release();
      clientB.release();
    }
    expect(await disbursedLoans([a, b])).toEqual([a]);
    expect((await http.loan(b).expect(200)).body.status).toBe('approved');
    expect(await incomeFund()).toMatchObject({ cashVnd: 1_000_000, loansOutstandingVnd: 4_000_000 });
  });

  it('of many simultaneous HTTP disbursements the cash covers one of, exactly one wins and the others are 409', async () => {
    // 1,000,000 VND left: five loans of 600,000 race for it.
    const ids = await approvedLoans(5, 600_000);
    const answers = await Promise.all(ids.map((id) => http.disburse(id, '2025-01-20')));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await disbursedLoans(ids)).toEqual([ids[answers.findIndex((r) => r.status === 200)]]);
    expect(await incomeFund()).toMatchObject({ cashVnd: 400_000, loansOutstandingVnd: 4_600_000 });
  });
});

function pidOf(client: PoolClient): number {
  return (client as unknown as { processID: number }).processID;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold within the timeout');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
