import { FundContributionReceivedV1, FundLoanDisbursedV1, FundLoanWrittenOffV1, FundOpenedV1, FundRepaymentReceivedV1 } from '@ishc/contracts';
import { PoolClient } from 'pg';
import { StatementBatch, upsert } from './batched-statements';
import { addLoanEvent } from './loans.projection';

/** The part of an incoming microfinance event the projection reads (the event id keys each movement). */
export interface ProjectedMicrofinanceEvent {
  eventId: string;
  type: string;
  data: unknown;
}

interface Movement {
  clubId: string;
  kind: string;
  on: string;
  cashDeltaVnd: number;
  principalDeltaVnd: number;
}

/**
 * Projects club funds: the day each fund opened, and each fund event as a dated movement of its cash and
 * of its loans outstanding (the fund's ledger in microfinance: a contribution adds cash, a disbursement
 * turns cash into principal, a repayment brings principal and interest back as cash, a write-off removes
 * principal). So cash + outstanding principal on T is the fund capital of ISHC.md §6. Upserts keyed by the
 * fund (a later opening date wins) and by the event id (the first movement stays): applying an event twice
 * leaves the same rows. Funds, movements and loans are different tables, so a batch costs one statement
 * per kind (and one more per alternation of a loan's disbursement and write-off, see loans.projection.ts).
 */
export async function projectMicrofinanceEvents(events: readonly ProjectedMicrofinanceEvent[], client: PoolClient): Promise<void> {
  const batch = new StatementBatch(client);
  for (const event of events) {
    if (event.type === 'FundOpened') {
      const fund = event.data as FundOpenedV1;
      await batch.add(FUNDS, { club_id: fund.clubId, kind: fund.kind, opened_on: fund.openedOn });
      continue;
    }
    const movement = movementOf(event);
    if (movement !== null) {
      await batch.add(MOVEMENTS, {
        event_id: event.eventId,
        club_id: movement.clubId,
        kind: movement.kind,
        on_date: movement.on,
        cash_delta_vnd: movement.cashDeltaVnd,
        principal_delta_vnd: movement.principalDeltaVnd,
      });
      continue;
    }
    // The loan streams of the same source: loans_outstanding_vnd, par30_pct, members_with_loan_pct.
    await addLoanEvent(batch, event);
  }
  await batch.flush();
}

const FUNDS = upsert({ table: 'rp_fund', columns: { club_id: 'uuid', kind: 'text', opened_on: 'date' }, key: ['club_id', 'kind'], onConflict: 'update' });

const MOVEMENTS = upsert({
  table: 'rp_fund_movement',
  columns: { event_id: 'uuid', club_id: 'uuid', kind: 'text', on_date: 'date', cash_delta_vnd: 'bigint', principal_delta_vnd: 'bigint' },
  key: ['event_id'],
  onConflict: 'nothing',
});

function movementOf(event: ProjectedMicrofinanceEvent): Movement | null {
  switch (event.type) {
    case 'FundContributionReceived': {
      const d = event.data as FundContributionReceivedV1;
      return { clubId: d.clubId, kind: d.kind, on: d.receivedOn, cashDeltaVnd: d.amountVnd, principalDeltaVnd: 0 };
    }
    case 'FundLoanDisbursed': {
      const d = event.data as FundLoanDisbursedV1;
      return { clubId: d.clubId, kind: d.kind, on: d.disbursedOn, cashDeltaVnd: -d.amountVnd, principalDeltaVnd: d.amountVnd };
    }
    case 'FundRepaymentReceived': {
      const d = event.data as FundRepaymentReceivedV1;
      return { clubId: d.clubId, kind: d.kind, on: d.receivedOn, cashDeltaVnd: d.principalVnd + d.interestVnd, principalDeltaVnd: -d.principalVnd };
    }
    case 'FundLoanWrittenOff': {
      const d = event.data as FundLoanWrittenOffV1;
      return { clubId: d.clubId, kind: d.kind, on: d.writtenOffOn, cashDeltaVnd: 0, principalDeltaVnd: -d.principalVnd };
    }
    default:
      return null;
  }
}
