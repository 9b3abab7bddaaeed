import { IsoDate } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { LoanPortfolio } from './domain/loan-indicators';

/**
 * The portfolio on T of the funds of `clubs(U,T)` (the club ids given), by loanStandingOn's rule applied
 * in PostgreSQL: the loans and their schedules (a dozen instalments each, ~180,000 loans in the country)
 * stay in the database. A loan counts from its disbursement until its write-off day. The payments made on
 * or before T settle the instalments in schedule order, interest before principal: with `before` the
 * payments left once the earlier instalments are settled (never below 0), an instalment's principal paid
 * is min(max(before − interest, 0), principal) and it is settled when before ≥ interest + principal.
 * Outstanding = principal − Σ principal paid; days past due = T − the due day of the first instalment not
 * settled.
 */
export async function readLoanPortfolio(db: Pool | PoolClient, clubIds: readonly string[], asOf: IsoDate): Promise<LoanPortfolio> {
  const r = await db.query<[string | null, string | null]>({
    rowMode: 'array',
    text: `WITH loans AS (
        SELECT l.loan_id, l.principal_vnd, l.schedule FROM rp_loan l
         WHERE l.club_id = ANY($1::uuid[]) AND l.disbursed_on <= $2 AND (l.written_off_on IS NULL OR l.written_off_on > $2)
      ),
      paid AS (
        SELECT p.loan_id, sum(p.amount_vnd) AS paid FROM loans JOIN rp_loan_repayment p ON p.loan_id = loans.loan_id
         WHERE p.paid_on <= $2 GROUP BY p.loan_id
      ),
      -- Every instalment of every loan in one pass (a loan without any keeps one row of nulls), with \`before\`.
      instalments AS (
        SELECT loans.loan_id, loans.principal_vnd, i.n, i.due_on, i.interest, i.principal,
               GREATEST(COALESCE(paid.paid, 0) - COALESCE(sum(i.interest + i.principal)
                 OVER (PARTITION BY loans.loan_id ORDER BY i.n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0), 0) AS before
          FROM loans LEFT JOIN paid ON paid.loan_id = loans.loan_id
          LEFT JOIN LATERAL ROWS FROM (jsonb_to_recordset(loans.schedule) AS ("dueOn" date, "interestVnd" numeric, "principalVnd" numeric))
               WITH ORDINALITY AS i(due_on, interest, principal, n) ON true
      ),
      standing AS (
        SELECT max(principal_vnd) - COALESCE(sum(LEAST(GREATEST(before - interest, 0), principal)), 0) AS outstanding,
               (array_agg(due_on ORDER BY n) FILTER (WHERE before < interest + principal))[1] AS first_unsettled_due
          FROM instalments GROUP BY loan_id
      )
      SELECT sum(outstanding)::text,
             sum(outstanding) FILTER (WHERE outstanding > 0 AND first_unsettled_due IS NOT NULL AND $2::date - first_unsettled_due > 30)::text
        FROM standing`,
    values: [clubIds, asOf],
  });
  const [outstanding, par30] = r.rows[0] ?? [null, null];
  return { outstandingVnd: Number(outstanding ?? 0), par30Vnd: Number(par30 ?? 0) };
}
