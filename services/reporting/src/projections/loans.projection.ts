import { LoanDisbursedV1, LoanRepaymentReceivedV1, LoanWrittenOffV1 } from '@ishc/contracts';
import { PoolClient } from 'pg';
import { BatchedStatement, StatementBatch, update, upsert } from './batched-statements';
import { replaceInstalments } from './loan-instalment.statements';
import { recomputePaidThrough } from './loan-paid.statements';
import { recomputeBorrowed } from './member-activity.statements';

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
 * not projected; LoanRepaid adds nothing the payments do not already say. Upserts keyed by the loan (a
 * later disbursement's values win) and by the payment's event id (the first stays): applying an event
 * twice leaves the same rows.
 */
export async function projectLoanEvents(events: readonly ProjectedLoanEvent[], client: PoolClient): Promise<void> {
  const batch = new StatementBatch(client);
  for (const event of events) await addLoanEvent(batch, event);
  await batch.flush();
}

/** Adds a loan event's row to a batch (microfinance.projection.ts shares one batch with the fund events). */
export async function addLoanEvent(batch: StatementBatch, event: ProjectedLoanEvent): Promise<void> {
  switch (event.type) {
    case 'LoanDisbursed': {
      const d = event.data as LoanDisbursedV1;
      await batch.add(LOANS, { loan_id: d.loanId, club_id: d.clubId, member_id: d.memberId, principal_vnd: d.principalVnd, disbursed_on: d.disbursedOn, schedule: d.schedule });
      break;
    }
    case 'LoanRepaymentReceived': {
      const d = event.data as LoanRepaymentReceivedV1;
      await batch.add(REPAYMENTS, { event_id: event.eventId, loan_id: d.loanId, paid_on: d.paidOn, amount_vnd: d.amountVnd });
      break;
    }
    case 'LoanWrittenOff': {
      const d = event.data as LoanWrittenOffV1;
      await batch.add(WRITE_OFFS, { loan_id: d.loanId, written_off_on: d.writtenOffOn });
      break;
    }
  }
}

const LOAN_ROWS = upsert({
  table: 'rp_loan',
  columns: { loan_id: 'uuid', club_id: 'uuid', member_id: 'uuid', principal_vnd: 'bigint', disbursed_on: 'date', schedule: 'jsonb' },
  key: ['loan_id'],
  onConflict: 'update',
});

type LoanRow = Parameters<typeof LOAN_ROWS.apply>[0][number];

/**
 * The loans' rows, then what is derived from them, from rp_loan as it now is: the borrowers' days in
 * rp_member_activity (member-activity.statements.ts) and the loans' instalments in rp_loan_instalment
 * (loan-instalment.statements.ts). A later LoanDisbursed of a loan replaces its day (and, were it another
 * member's, the earlier borrower's day goes too) and its schedule, so here both are recomputed rather than added.
 */
const LOANS: BatchedStatement<LoanRow> = {
  touches: ['rp_loan', 'rp_member_activity.borrowed', 'rp_loan_instalment'],
  async apply(rows, client) {
    if (rows.length === 0) return;
    const earlier = await client.query<{ member_id: string }>(`SELECT DISTINCT member_id::text FROM rp_loan WHERE loan_id = ANY($1::uuid[])`, [rows.map((r) => r.loan_id)]);
    await LOAN_ROWS.apply(rows, client);
    await recomputeBorrowed([...rows.map((r) => r.member_id as string), ...earlier.rows.map((r) => r.member_id)], client);
    await replaceInstalments(rows.map((r) => r.loan_id as string), client);
  },
};

const REPAYMENT_ROWS = upsert({
  table: 'rp_loan_repayment',
  columns: { event_id: 'uuid', loan_id: 'uuid', paid_on: 'date', amount_vnd: 'bigint' },
  key: ['event_id'],
  onConflict: 'nothing',
});

type RepaymentRow = Parameters<typeof REPAYMENT_ROWS.apply>[0][number];

/**
 * The payments' rows (keyed by their event: a redelivered payment is not counted twice), then the paid
 * loans' running totals in rp_loan_paid (loan-paid.statements.ts) recomputed from all of their payments as
 * they now are, so a payment delivered again, late or out of order leaves the rows the backfill would.
 */
const REPAYMENTS: BatchedStatement<RepaymentRow> = {
  touches: ['rp_loan_repayment', 'rp_loan_paid'],
  async apply(rows, client) {
    if (rows.length === 0) return;
    await REPAYMENT_ROWS.apply(rows, client);
    await recomputePaidThrough(rows.map((r) => r.loan_id as string), client);
  },
};

// The loan's own stream: its disbursement was projected before (or is pending in the batch: both touch
// rp_loan, so the disbursement is applied first and a write-off never meets a loan not yet written).
const WRITE_OFFS = update({ table: 'rp_loan', columns: { loan_id: 'uuid', written_off_on: 'date' }, key: ['loan_id'] });
