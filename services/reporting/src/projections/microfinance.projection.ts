import { FundContributionReceivedV1, FundLoanDisbursedV1, FundLoanWrittenOffV1, FundOpenedV1, FundRepaymentReceivedV1 } from '@ishc/contracts';
import { PoolClient } from 'pg';
import { projectLoanEvents } from './loans.projection';

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
 * fund and by the event id: applying an event twice leaves the same rows.
 */
export async function projectMicrofinanceEvents(events: readonly ProjectedMicrofinanceEvent[], client: PoolClient): Promise<void> {
  for (const event of events) {
    if (event.type === 'FundOpened') {
      const fund = event.data as FundOpenedV1;
      await client.query(
        `INSERT INTO rp_fund (club_id, kind, opened_on) VALUES ($1, $2, $3) ON CONFLICT (club_id, kind) DO UPDATE SET opened_on = EXCLUDED.opened_on`,
        [fund.clubId, fund.kind, fund.openedOn],
      );
      continue;
    }
    const movement = movementOf(event);
    if (movement === null) continue;
    await client.query(
      `INSERT INTO rp_fund_movement (event_id, club_id, kind, on_date, cash_delta_vnd, principal_delta_vnd) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (event_id) DO NOTHING`,
      [event.eventId, movement.clubId, movement.kind, movement.on, movement.cashDeltaVnd, movement.principalDeltaVnd],
    );
  }
  // The loan streams of the same source: loans_outstanding_vnd, par30_pct, members_with_loan_pct.
  await projectLoanEvents(events, client);
}

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
