import { PoolClient } from 'pg';

/**
 * rp_loan_paid: per loan and per day with a payment, the running total paid through that day — paid(T) of
 * ISHC.md §4 (Σ of the loan's payments dated on or before T) is the row of the loan's last such day on or
 * before T, one backward probe of the primary key (loan-portfolio.query.ts) instead of summing the
 * payments of the whole scope.
 *
 * A table of its own rather than a column on rp_loan_repayment: the payments are facts keyed by their
 * event (two on one day are two rows, neither knowing the other's order), while paid(T) depends on a day
 * only; one row per day also keeps the probe a plain "last key ≤ T". rp_loan_repayment stays the fact and
 * this table follows it: payments are only ever added (no event removes or corrects one; a payment is kept
 * by its event id, the first delivery stays), so a loan's rows are recomputed from all of its payments
 * whenever one arrives, whatever the order or number of deliveries (loans.projection.ts).
 */
export const LOAN_PAID_TABLE = `
CREATE TABLE IF NOT EXISTS rp_loan_paid (
  loan_id           uuid NOT NULL,
  paid_on           date NOT NULL,
  paid_through_vnd  bigint NOT NULL,
  PRIMARY KEY (loan_id, paid_on)
);
`;

/**
 * The rows of the loans of rp_loan_repayment that `where` keeps: the day's payments summed, then summed
 * through each day. The window is partitioned by loan (a dozen days each); amounts are whole VND.
 */
const paidThroughOf = (where: string) => `
INSERT INTO rp_loan_paid (loan_id, paid_on, paid_through_vnd)
SELECT d.loan_id, d.paid_on, sum(d.amount) OVER (PARTITION BY d.loan_id ORDER BY d.paid_on ROWS UNBOUNDED PRECEDING)
  FROM (SELECT p.loan_id, p.paid_on, sum(p.amount_vnd) AS amount FROM rp_loan_repayment p ${where} GROUP BY p.loan_id, p.paid_on) d
 ORDER BY d.loan_id, d.paid_on`;

/**
 * Every loan's rows recomputed from rp_loan_repayment: fills the table when the migration creates it in a
 * generation that already has payments (no rebuild needed), and after payments written by SQL (the bench's
 * national fill, specs). Applying it again changes nothing.
 */
export const LOAN_PAID_FROM_REPAYMENTS = `${paidThroughOf('')}
ON CONFLICT (loan_id, paid_on) DO UPDATE SET paid_through_vnd = EXCLUDED.paid_through_vnd`;

/** Creates rp_loan_paid in the current search path's schema, filled from rp_loan_repayment if it is new. */
export async function migrateLoanPaid(client: PoolClient): Promise<void> {
  const existed = await client.query<{ existed: boolean }>(`SELECT to_regclass('rp_loan_paid') IS NOT NULL AS existed`);
  await client.query(LOAN_PAID_TABLE);
  if (!existed.rows[0].existed) await client.query(LOAN_PAID_FROM_REPAYMENTS);
}

// Days only ever get added and totals only grow, but an upsert of every day of the loan is as cheap as
// the delete it would need otherwise and leaves the same rows as the backfill by construction.
const PAID_THROUGH_OF_LOANS = `${paidThroughOf('WHERE p.loan_id = ANY($1::uuid[])')}
ON CONFLICT (loan_id, paid_on) DO UPDATE SET paid_through_vnd = EXCLUDED.paid_through_vnd`;

/**
 * Recomputes the rows of the given loans from their payments in rp_loan_repayment as it now is (applied
 * after the payments' insert, in the same statement of the batch: see loans.projection.ts). A payment
 * arriving late (dated before days already there) changes the totals of every later day: all of the loan's
 * days are written again. Ordered by loan and day so that concurrent batches lock rows in one order.
 */
export async function recomputePaidThrough(loanIds: readonly string[], client: PoolClient): Promise<void> {
  if (loanIds.length === 0) return;
  await client.query(PAID_THROUGH_OF_LOANS, [[...new Set(loanIds)].sort()]);
}
