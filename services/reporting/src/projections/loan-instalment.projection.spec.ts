import { LoanDisbursedV1, ScheduledInstalmentV1 } from '@ishc/contracts';
import { describeWith } from '@ishc/testing';
import { LOAN_INSTALMENTS_FROM_LOANS } from './loan-instalment.statements';
import { projectLoanEvents, ProjectedLoanEvent } from './loans.projection';
import { migrateReportingSchema } from './reporting-schema';
import { givenReportingDatabase } from '../spec-support/given-reporting-database';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CLUB = id(1);
const MEMBER = id(2);
let next = 100;
const uuid = () => `20000000-0000-4000-8000-${String(next++).padStart(12, '0')}`;

const instalment = (number: number, dueOn: string, principalVnd: number, interestVnd: number): ScheduledInstalmentV1 => ({ number, dueOn, principalVnd, interestVnd });
const THREE = [instalment(1, '2025-02-15', 300_000, 9_000), instalment(2, '2025-03-15', 300_000, 6_000), instalment(3, '2025-04-15', 400_000, 3_000)];
const disbursed = (loanId: string, schedule: ScheduledInstalmentV1[], disbursedOn = '2025-01-15'): ProjectedLoanEvent => ({
  eventId: uuid(),
  type: 'LoanDisbursed',
  data: { loanId, clubId: CLUB, memberId: MEMBER, principalVnd: 1_000_000, disbursedOn, schedule } satisfies LoanDisbursedV1,
});

describeWith(['postgres'], "reporting's loan instalments with their running totals (rp_loan_instalment)", () => {
  const db = givenReportingDatabase('reporting_loan_instalment');
  const loans = (events: ProjectedLoanEvent[]) => db.inTransaction((client) => projectLoanEvents(events, client));
  async function rowsOf(loanId: string): Promise<Array<[number, string, string, string, string, string]>> {
    const r = await db.pool.query<[number, string, string, string, string, string]>({
      rowMode: 'array',
      text: `SELECT n, due_on::text, interest_vnd::text, principal_vnd::text, due_through_vnd::text, principal_through_vnd::text FROM rp_loan_instalment WHERE loan_id = $1 ORDER BY n`,
      values: [loanId],
    });
    return r.rows;
  }
  const allRows = () => db.pool.query(`SELECT loan_id, n, due_on::text, interest_vnd, principal_vnd, due_through_vnd, principal_through_vnd FROM rp_loan_instalment ORDER BY loan_id, n`);

  it('given a disbursed loan, then each instalment of its schedule is a row, in schedule order, with the totals due and of principal through it', async () => {
    const loan = uuid();
    await loans([disbursed(loan, THREE)]);
    expect(await rowsOf(loan)).toEqual([
      [1, '2025-02-15', '9000', '300000', '309000', '300000'],
      [2, '2025-03-15', '6000', '300000', '615000', '600000'],
      [3, '2025-04-15', '3000', '400000', '1018000', '1000000'],
    ]);
  });

  it('given the disbursement delivered again (in one batch and in a later one), then the rows are unchanged', async () => {
    const loan = uuid();
    const event = disbursed(loan, THREE);
    await loans([event, event]);
    const once = await rowsOf(loan);
    await loans([event]);
    expect(await rowsOf(loan)).toEqual(once);
    expect(once).toHaveLength(3);
  });

  it('given a later disbursement of the loan with a shorter schedule (the rule of rp_loan: the later wins), then its rows replace the earlier ones, none left over', async () => {
    const loan = uuid();
    await loans([disbursed(loan, THREE)]);
    await loans([disbursed(loan, [instalment(1, '2025-03-01', 1_000_000, 5_000)], '2025-02-01')]);
    expect(await rowsOf(loan)).toEqual([[1, '2025-03-01', '5000', '1000000', '1005000', '1000000']]);
    // Both in one batch: the later one's.
    const other = uuid();
    await loans([disbursed(other, [instalment(1, '2025-03-01', 1_000_000, 5_000)]), disbursed(other, THREE)]);
    expect((await rowsOf(other)).map((r) => r[0])).toEqual([1, 2, 3]);
  });

  it('given a loan without a schedule, then it has no rows', async () => {
    const loan = uuid();
    await loans([disbursed(loan, [])]);
    expect(await rowsOf(loan)).toEqual([]);
  });

  it('given the loans projected so far, then recomputing every row from rp_loan (the migration’s backfill) changes nothing', async () => {
    const before = await allRows();
    await db.pool.query(LOAN_INSTALMENTS_FROM_LOANS);
    expect((await allRows()).rows).toEqual(before.rows);
    expect(before.rows.length).toBeGreaterThan(0);
  });

  it('given a generation with loans but no rp_loan_instalment (from before it), when the migration runs, then the table is filled from rp_loan', async () => {
    const before = await allRows();
    await db.pool.query(`DROP VIEW public.rp_loan_instalment; DROP TABLE rp_generation_0.rp_loan_instalment`);
    await migrateReportingSchema(db.pool);
    expect((await allRows()).rows).toEqual(before.rows);
  });
});
