import { LoanDisbursedV1, LoanRepaymentReceivedV1, LoanWrittenOffV1 } from '@ishc/contracts';
import { PoolClient } from 'pg';

/** The part of an incoming loan event the projection reads (the event id keys each payment). */
export interface ProjectedLoanEvent {
  eventId: string;
  type: string;
  data: unknown;
}

/**
 * Projects club-fund loans from the loan streams (microfinance-events.ts): each disbursed loan with the
 * schedule fixed at disbursement (so reporting never recomputes it), each payment with its date and
 * amount, and the write-off date. Outstanding principal, days past due and PAR30 on any date follow from
 * these alone (indicators/domain/loan-indicators.ts). Applications and approvals move no money and are
 * not projected; LoanRepaid adds nothing the payments do not already say. Upserts keyed by the loan and
 * by the payment's event id: applying an event twice leaves the same rows.
 */
export async function projectLoanEvents(events: readonly ProjectedLoanEvent[], client: PoolClient): Promise<void> {
  for (const event of events) {
    switch (event.type) {
      case 'LoanDisbursed': {
        const d = event.data as LoanDisbursedV1;
        await client.query(
          `INSERT INTO rp_loan (loan_id, club_id, member_id, principal_vnd, disbursed_on, schedule) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (loan_id) DO UPDATE SET club_id = EXCLUDED.club_id, member_id = EXCLUDED.member_id, principal_vnd = EXCLUDED.principal_vnd,
             disbursed_on = EXCLUDED.disbursed_on, schedule = EXCLUDED.schedule`,
          [d.loanId, d.clubId, d.memberId, d.principalVnd, d.disbursedOn, JSON.stringify(d.schedule)],
        );
        break;
      }
      case 'LoanRepaymentReceived': {
        const d = event.data as LoanRepaymentReceivedV1;
        await client.query(
          `INSERT INTO rp_loan_repayment (event_id, loan_id, paid_on, amount_vnd) VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`,
          [event.eventId, d.loanId, d.paidOn, d.amountVnd],
        );
        break;
      }
      case 'LoanWrittenOff': {
        const d = event.data as LoanWrittenOffV1;
        // The loan's own stream: its disbursement was projected before.
        await client.query('UPDATE rp_loan SET written_off_on = $2 WHERE loan_id = $1', [d.loanId, d.writtenOffOn]);
        break;
      }
    }
  }
}
