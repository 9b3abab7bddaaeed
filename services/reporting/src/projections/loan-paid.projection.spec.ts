import { LoanRepaymentReceivedV1 } from '@ishc/contracts';
import { describeWith } from '@ishc/testing';
import { LOAN_PAID_FROM_REPAYMENTS } from './loan-paid.statements';
import { projectLoanEvents, ProjectedLoanEvent } from './loans.projection';
import { migrateReportingSchema } from './reporting-schema';
import { givenReportingDatabase } from '../spec-support/given-reporting-database';

const CLUB = '00000000-0000-4000-8000-000000000001';
let next = 100;
const uuid = () => `30000000-0000-4000-8000-${String(next++).padStart(12, '0')}`;

const paid = (loanId: string, paidOn: string, amountVnd: number): ProjectedLoanEvent => ({
  eventId: uuid(),
  type: 'LoanRepaymentReceived',
  data: { loanId, clubId: CLUB, paidOn, amountVnd, principalVnd: amountVnd, interestVnd: 0 } satisfies LoanRepaymentReceivedV1,
});

describeWith(['postgres'], "reporting's running totals paid per loan and day (rp_loan_paid)", () => {
  const db = givenReportingDatabase('reporting_loan_paid');
  const loans = (events: ProjectedLoanEvent[]) => db.inTransaction((client) => projectLoanEvents(events, client));
  async function rowsOf(loanId: string): Promise<Array<[string, string]>> {
    const r = await db.pool.query<[string, string]>({
      rowMode: 'array',
      text: `SELECT paid_on::text, paid_through_vnd::text FROM rp_loan_paid WHERE loan_id = $1 ORDER BY paid_on`,
      values: [loanId],
    });
    return r.rows;
  }
  const allRows = () => db.pool.query(`SELECT loan_id, paid_on::text, paid_through_vnd FROM rp_loan_paid ORDER BY loan_id, paid_on`);

  it('given payments of a loan, then each day of payment is a row with the total paid through it', async () => {
    const loan = uuid();
    await loans([paid(loan, '2025-02-15', 309_000), paid(loan, '2025-03-15', 306_000)]);
    await loans([paid(loan, '2025-04-15', 403_000)]);
    expect(await rowsOf(loan)).toEqual([
      ['2025-02-15', '309000'],
      ['2025-03-15', '615000'],
      ['2025-04-15', '1018000'],
    ]);
  });

  it('given a payment delivered again (in one batch and in a later one), then it is counted once', async () => {
    const loan = uuid();
    const first = paid(loan, '2025-02-15', 309_000);
    await loans([first, first, paid(loan, '2025-03-15', 306_000)]);
    await loans([first]);
    expect(await rowsOf(loan)).toEqual([
      ['2025-02-15', '309000'],
      ['2025-03-15', '615000'],
    ]);
  });

  it('given a payment arriving after later-dated ones (out of order, in a later batch and in the same one), then the later days’ totals include it', async () => {
    const loan = uuid();
    await loans([paid(loan, '2025-03-15', 306_000), paid(loan, '2025-04-15', 403_000)]);
    await loans([paid(loan, '2025-02-15', 309_000)]);
    expect(await rowsOf(loan)).toEqual([
      ['2025-02-15', '309000'],
      ['2025-03-15', '615000'],
      ['2025-04-15', '1018000'],
    ]);
    const other = uuid();
    await loans([paid(other, '2025-04-15', 403_000), paid(other, '2025-02-15', 309_000)]);
    expect(await rowsOf(other)).toEqual([
      ['2025-02-15', '309000'],
      ['2025-04-15', '712000'],
    ]);
  });

  it('given two payments on the same day (in one batch and in two), then the day has one row with both', async () => {
    const loan = uuid();
    await loans([paid(loan, '2025-02-15', 300_000), paid(loan, '2025-02-15', 9_000)]);
    expect(await rowsOf(loan)).toEqual([['2025-02-15', '309000']]);
    await loans([paid(loan, '2025-02-15', 1_000)]);
    expect(await rowsOf(loan)).toEqual([['2025-02-15', '310000']]);
  });

  it('given the payments projected so far, then recomputing every row from rp_loan_repayment (the migration’s backfill) changes nothing', async () => {
    const before = await allRows();
    await db.pool.query(LOAN_PAID_FROM_REPAYMENTS);
    expect((await allRows()).rows).toEqual(before.rows);
    expect(before.rows.length).toBeGreaterThan(0);
  });

  it('given a generation with payments but no rp_loan_paid (from before it), when the migration runs, then the table is filled from rp_loan_repayment', async () => {
    const before = await allRows();
    await db.pool.query(`DROP VIEW public.rp_loan_paid; DROP TABLE rp_generation_0.rp_loan_paid`);
    await migrateReportingSchema(db.pool);
    expect((await allRows()).rows).toEqual(before.rows);
  });
});
