// The demo's loans through microfinance's API (API.md): apply → approve → disburse, then the planned
// repayments (each the amount of the instalments it settles, read from the schedule the disbursement
// fixed) and, for a few, the write-off.
import type { DemoContext } from './demo-data';
import { forEachLimited } from './for-each-limited';
import type { GatewayWriter } from './gateway-writer';
import { DemoLoan, WRITE_OFF_REASON } from './loan-plan';

interface DisbursedLoan {
  schedule: Array<{ principalVnd: number; interestVnd: number }>;
}

/**
 * Clubs side by side, each club's loans one after the other in the order they were lent: a disbursement
 * draws on the income fund's cash of its day, which the earlier loans' repayments have given back.
 */
export async function writeLoans(context: DemoContext): Promise<void> {
  const work = context.clubs.map((club, index) => ({ club, index }));
  await forEachLimited(work, Math.max(context.concurrency, context.clubs.length), async ({ club, index }) => {
    for (const loan of club.loans) {
      await writeLoan(context.writer, context.clubIds[index], context.memberIds[index][loan.borrower], loan);
    }
  });
}

async function writeLoan(writer: GatewayWriter, clubId: string, memberId: string, loan: DemoLoan): Promise<void> {
  const { principalVnd, termMonths, monthlyRatePct, purpose, appliedOn } = loan;
  // Microfinance learns of memberships from registry's events: 409 until its replica has the borrower's.
  const { id } = await writer.post<{ id: string }>('/api/microfinance/loans', { clubId, memberId, principalVnd, termMonths, monthlyRatePct, purpose, appliedOn }, true);
  await writer.post(`/api/microfinance/loans/${id}/approval`, { approvedOn: loan.approvedOn });
  const { schedule } = await writer.post<DisbursedLoan>(`/api/microfinance/loans/${id}/disbursement`, { disbursedOn: loan.disbursedOn });
  let settled = 0;
  for (const repayment of loan.repayments) {
    const amountVnd = schedule.slice(settled, settled + repayment.instalments).reduce((sum, i) => sum + i.principalVnd + i.interestVnd, 0);
    settled += repayment.instalments;
    await writer.post(`/api/microfinance/loans/${id}/repayments`, { amountVnd, paidOn: repayment.paidOn });
  }
  if (loan.writtenOffOn) await writer.post(`/api/microfinance/loans/${id}/write-off`, { writtenOffOn: loan.writtenOffOn, reason: WRITE_OFF_REASON });
}
