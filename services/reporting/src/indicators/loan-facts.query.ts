import { ScheduledInstalmentV1 } from '@ishc/contracts';
import { Pool, PoolClient } from 'pg';
import { LoanFacts } from './domain/loan-indicators';
import { MemberFacts } from './domain/member-indicators';

/**
 * The loan facts of ISHC.md §6 on `asOf`: the loans disbursed on or before T by the funds of `clubs(U,T)`
 * (the club ids given) and those disbursed to the members of their memberships (whichever fund lent
 * them), each with its payments made on or before T. loan-indicators.ts applies the rules.
 */
export async function readLoanFacts(db: Pool | PoolClient, clubIds: readonly string[], members: MemberFacts, asOf: string): Promise<LoanFacts> {
  const memberIds = [...new Set(members.memberships.map((m) => m.memberId))];
  const loans = await db.query<{
    loan_id: string;
    club_id: string;
    member_id: string;
    principal_vnd: string;
    disbursed_on: string;
    schedule: ScheduledInstalmentV1[];
    written_off_on: string | null;
  }>(
    `SELECT loan_id, club_id, member_id, principal_vnd::text, to_char(disbursed_on, 'YYYY-MM-DD') AS disbursed_on, schedule,
            to_char(written_off_on, 'YYYY-MM-DD') AS written_off_on
       FROM rp_loan
      WHERE (club_id = ANY($1::uuid[]) OR member_id = ANY($2::uuid[])) AND disbursed_on <= $3
      ORDER BY loan_id`,
    [clubIds, memberIds, asOf],
  );
  const repayments = await db.query<{ loan_id: string; paid_on: string; amount_vnd: string }>(
    `SELECT loan_id, to_char(paid_on, 'YYYY-MM-DD') AS paid_on, amount_vnd::text FROM rp_loan_repayment
      WHERE loan_id = ANY($1::uuid[]) AND paid_on <= $2 ORDER BY loan_id, paid_on, event_id`,
    [loans.rows.map((r) => r.loan_id), asOf],
  );
  const paymentsOf = new Map<string, Array<{ paidOn: string; amountVnd: number }>>();
  for (const r of repayments.rows) {
    const payments = paymentsOf.get(r.loan_id) ?? [];
    payments.push({ paidOn: r.paid_on, amountVnd: Number(r.amount_vnd) });
    paymentsOf.set(r.loan_id, payments);
  }
  return {
    loans: loans.rows.map((r) => ({
      loanId: r.loan_id,
      clubId: r.club_id,
      memberId: r.member_id,
      principalVnd: Number(r.principal_vnd),
      disbursedOn: r.disbursed_on,
      schedule: r.schedule,
      repayments: paymentsOf.get(r.loan_id) ?? [],
      writtenOffOn: r.written_off_on,
    })),
  };
}
