import { IsoDate } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { LoanPortfolio, portfolioAmong } from './domain/loan-indicators';

/**
 * The portfolio on T of the funds of `clubs(U,T)` (the club ids given), by loanStandingOn's rule applied
 * in PostgreSQL: the loans and their schedules (a dozen instalments each, ~180,000 loans in the country)
 * stay in the database. A loan counts from its disbursement until its write-off day. The payments made on
 * or before T (paid: rp_loan_paid's total through T, whatever their date relative to the disbursement)
 * settle the instalments in schedule order, interest before principal, so with the running totals of
 * rp_loan_instalment (loan-instalment.statements.ts) the first instalment with due_through > paid is the
 * one being paid: every earlier one is settled, every later one untouched.
 * Principal paid = its principal_through − its principal + what paid leaves for its principal once the
 * earlier instalments and its interest are settled (between 0 and its principal); days past due = T − its
 * due day. No such instalment: the schedule is settled, principal paid = Σ principal (the last row's
 * principal_through), nothing past due.
 */
export async function readLoanPortfolio(db: Pool | PoolClient, clubIds: readonly string[], asOf: IsoDate): Promise<LoanPortfolio> {
  return portfolioAmong(await readLoanPortfolioByClub(db, clubIds, asOf), new Set(clubIds));
}

/** readLoanPortfolio club by club (a club without loans on T is missing), so that any part of the scope is a sum. */
export async function readLoanPortfolioByClub(db: Pool | PoolClient, clubIds: readonly string[], asOf: IsoDate): Promise<Map<string, LoanPortfolio>> {
  const r = await db.query<[string, string, string]>({
    rowMode: 'array',
    // A loan's standing is two index probes: what was paid by T (rp_loan_paid), then its instalments
    // (primary key (loan_id, n)): no schedule is expanded from its jsonb, no window over the scope's
    // instalments, no join and sum over the scope's payments (each most of the statement's time when it
    // was there, at 0.25 of the country). The second branch runs only when the first finds no row.
    text: `WITH loans AS (
        SELECT l.loan_id, l.club_id, l.principal_vnd FROM rp_loan l
         WHERE l.club_id = ANY($1::uuid[]) AND l.disbursed_on <= $2 AND (l.written_off_on IS NULL OR l.written_off_on > $2)
      ),
      standing AS (
        SELECT loans.club_id, loans.principal_vnd - COALESCE(s.principal_paid, 0) AS outstanding, s.first_unsettled_due
          FROM loans
          -- paid(T): the running total of the loan's last day of payment on or before T (rp_loan_paid,
          -- loan-paid.statements.ts), one backward probe of its primary key; no payment yet: no row.
          LEFT JOIN LATERAL (
            SELECT p.paid_through_vnd AS paid FROM rp_loan_paid p
             WHERE p.loan_id = loans.loan_id AND p.paid_on <= $2 ORDER BY p.paid_on DESC LIMIT 1
          ) paid ON true
          LEFT JOIN LATERAL (
            (SELECT i.due_on AS first_unsettled_due,
                    i.principal_through_vnd - i.principal_vnd
                      + LEAST(GREATEST(COALESCE(paid.paid, 0) - (i.due_through_vnd - i.principal_vnd), 0), i.principal_vnd) AS principal_paid
               FROM rp_loan_instalment i
              WHERE i.loan_id = loans.loan_id AND i.due_through_vnd > COALESCE(paid.paid, 0)
              ORDER BY i.n LIMIT 1)
            UNION ALL
            (SELECT NULL::date, i.principal_through_vnd FROM rp_loan_instalment i WHERE i.loan_id = loans.loan_id ORDER BY i.n DESC LIMIT 1)
            LIMIT 1
          ) s ON true
      )
      SELECT club_id::text, sum(outstanding)::text,
             COALESCE(sum(outstanding) FILTER (WHERE outstanding > 0 AND first_unsettled_due IS NOT NULL AND $2::date - first_unsettled_due > 30), 0)::text
        FROM standing GROUP BY club_id`,
    values: [clubIds, asOf],
  });
  return new Map(r.rows.map(([clubId, outstanding, par30]) => [clubId, { outstandingVnd: Number(outstanding), par30Vnd: Number(par30) }]));
}
