import { PoolClient } from 'pg';

/**
 * rp_loan_instalment: each loan's schedule (rp_loan.schedule, fixed at disbursement) one row per
 * instalment, n its position in the schedule, with the running totals due and of principal through it.
 * The payments settle the schedule oldest instalment first, interest before principal (ISHC.md §4), so a
 * loan's standing on T is found by one probe of its rows (loan-portfolio.query.ts): the first instalment
 * with due_through_vnd > paid(T) is the one being paid, every earlier one is settled and every later one
 * untouched. rp_loan stays the fact; this table is derived from it and follows it (a later LoanDisbursed
 * of a loan replaces its schedule: loans.projection.ts replaces the loan's rows).
 */
export const LOAN_INSTALMENT_TABLE = `
CREATE TABLE IF NOT EXISTS rp_loan_instalment (
  loan_id                uuid NOT NULL,
  n                      integer NOT NULL,
  due_on                 date NOT NULL,
  interest_vnd           bigint NOT NULL,
  principal_vnd          bigint NOT NULL,
  due_through_vnd        bigint NOT NULL,
  principal_through_vnd  bigint NOT NULL,
  PRIMARY KEY (loan_id, n)
);
`;

/**
 * The rows of the loans of rp_loan that `where` keeps, from their schedules. The running sums are taken
 * loan by loan (a dozen rows each) rather than by one window over every loan's instalments, which would
 * sort them all. Amounts are whole VND (ScheduledInstalmentV1).
 */
const instalmentsOf = (where: string) => `
INSERT INTO rp_loan_instalment (loan_id, n, due_on, interest_vnd, principal_vnd, due_through_vnd, principal_through_vnd)
SELECT l.loan_id, i.n, i.due_on, i.interest, i.principal, i.due_through, i.principal_through
  FROM rp_loan l
 CROSS JOIN LATERAL (
   SELECT s.n, s.due_on, s.interest, s.principal,
          sum(s.interest + s.principal) OVER (ORDER BY s.n ROWS UNBOUNDED PRECEDING) AS due_through,
          sum(s.principal) OVER (ORDER BY s.n ROWS UNBOUNDED PRECEDING) AS principal_through
     FROM ROWS FROM (jsonb_to_recordset(l.schedule) AS ("dueOn" date, "interestVnd" bigint, "principalVnd" bigint))
          WITH ORDINALITY AS s(due_on, interest, principal, n)
 ) i
 ${where}`;

/**
 * Every loan's rows recomputed from rp_loan: fills the table when the migration creates it in a generation
 * that already has loans (no rebuild needed), and after loans written by SQL (the bench's national fill,
 * specs). Applying it again changes nothing.
 */
export const LOAN_INSTALMENTS_FROM_LOANS = `${instalmentsOf('')}
ON CONFLICT (loan_id, n) DO UPDATE SET due_on = EXCLUDED.due_on, interest_vnd = EXCLUDED.interest_vnd, principal_vnd = EXCLUDED.principal_vnd,
  due_through_vnd = EXCLUDED.due_through_vnd, principal_through_vnd = EXCLUDED.principal_through_vnd`;

/** Creates rp_loan_instalment in the current search path's schema, filled from rp_loan if it is new. */
export async function migrateLoanInstalments(client: PoolClient): Promise<void> {
  const existed = await client.query<{ existed: boolean }>(`SELECT to_regclass('rp_loan_instalment') IS NOT NULL AS existed`);
  await client.query(LOAN_INSTALMENT_TABLE);
  if (!existed.rows[0].existed) await client.query(LOAN_INSTALMENTS_FROM_LOANS);
}

const INSTALMENTS_OF_LOANS = instalmentsOf('WHERE l.loan_id = ANY($1::uuid[]) ORDER BY l.loan_id, i.n');

/**
 * Replaces the rows of the given loans by those of their schedules in rp_loan as it now is (applied after
 * rp_loan's upsert, in the same statement of the batch: see loans.projection.ts). Deleted first: a later
 * disbursement's schedule may be shorter.
 */
export async function replaceInstalments(loanIds: readonly string[], client: PoolClient): Promise<void> {
  if (loanIds.length === 0) return;
  const ids = [...new Set(loanIds)].sort();
  await client.query(`DELETE FROM rp_loan_instalment WHERE loan_id = ANY($1::uuid[])`, [ids]);
  await client.query(INSTALMENTS_OF_LOANS, [ids]);
}
