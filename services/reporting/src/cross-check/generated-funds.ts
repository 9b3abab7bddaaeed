import { FUND_SOURCES, FundEvent, LOAN_STREAM, LoanEvent, ScheduledInstalmentV1, loanStreamId } from '@ishc/contracts';
import type { GeneratedClub, GeneratedDistrict, GeneratedMembership } from './generated-district';
import { Draw, addDays, addMonths, earlier, later } from './generator-support';

const LAST_DAY = '2026-05-31';

/** ISHC.md §4's default schedule (the generator's business only: the cross-check uses the event's schedule as given). */
function schedule(principalVnd: number, termMonths: number, ratePerMille: number, disbursedOn: string): ScheduledInstalmentV1[] {
  let balance = principalVnd;
  return Array.from({ length: termMonths }, (_, i) => {
    const principal = i === termMonths - 1 ? balance : Math.floor(principalVnd / termMonths);
    const instalment = { number: i + 1, dueOn: addMonths(disbursedOn, i + 1), principalVnd: principal, interestVnd: Math.round((balance * ratePerMille) / 1000) };
    balance -= principal;
    return instalment;
  });
}

/**
 * Funds: most clubs open an income-generation fund, fewer an activity fund, within their first months, with
 * a first contribution and yearly ones after. Loans: yearly rounds from each income fund to members of the
 * club on the day, never more than the fund holds; half repaid on time, some late (20–60 days after each
 * due date), some stopped (the last payment partial), half of the stopped ones written off 90 days after
 * the last payment. Every money movement is mirrored on the income fund, as microfinance does.
 */
export function generateFundsAndLoans(
  draw: Draw,
  clubs: GeneratedClub[],
  memberships: GeneratedMembership[],
): { funds: GeneratedDistrict['funds']; loans: GeneratedDistrict['loans'] } {
  const { rnd, between, pick } = draw;
  const funds: GeneratedDistrict['funds'] = [];
  const loans: GeneratedDistrict['loans'] = [];
  for (const club of clubs) {
    const last = earlier(club.to === null ? LAST_DAY : addDays(club.to, -1), LAST_DAY);
    for (const kind of ['income', 'activity'] as const) {
      if (rnd() > (kind === 'income' ? 0.85 : 0.7)) continue;
      const openedOn = between(club.from, earlier(addDays(club.from, 180), last));
      const events: FundEvent[] = [{ type: 'FundOpened', data: { clubId: club.clubId, kind, openedOn } }];
      const contribute = (receivedOn: string, amountVnd: number) =>
        events.push({ type: 'FundContributionReceived', data: { clubId: club.clubId, kind, amountVnd, source: pick(FUND_SOURCES), receivedOn } });
      contribute(openedOn, (10 + Math.floor(rnd() * 30)) * 1_000_000);
      for (let on = addMonths(openedOn, 12); on <= last; on = addMonths(on, 12)) if (rnd() < 0.6) contribute(on, (1 + Math.floor(rnd() * 10)) * 1_000_000);
      if (kind === 'income') loans.push(...lend(draw, club, events, memberships, last));
      // The fund's stream in date order, as microfinance appends it (the opening first).
      const [opened, ...rest] = events;
      funds.push({ clubId: club.clubId, kind, events: [opened, ...rest.sort((a, b) => dayOf(a).localeCompare(dayOf(b)))] });
    }
  }
  return { funds, loans };
}

const dayOf = (e: FundEvent): string => Object.values(e.data).find((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) as string;

function lend(draw: Draw, club: GeneratedClub, fund: FundEvent[], memberships: GeneratedMembership[], last: string): GeneratedDistrict['loans'] {
  const { rnd, pick } = draw;
  const loans: GeneratedDistrict['loans'] = [];
  const { clubId } = club;
  const cashOn = (on: string) =>
    fund.reduce((cash, e) => {
      if (dayOf(e) > on) return cash;
      if (e.type === 'FundContributionReceived') return cash + e.data.amountVnd;
      if (e.type === 'FundLoanDisbursed') return cash - e.data.amountVnd;
      if (e.type === 'FundRepaymentReceived') return cash + e.data.principalVnd + e.data.interestVnd;
      return cash;
    }, 0);
  const openedOn = dayOf(fund[0]);
  for (let round = later(addDays(openedOn, 30), '2021-03-01'); round <= earlier(last, '2025-12-31'); round = addMonths(round, 12)) {
    const present = memberships.filter((m) => m.clubId === clubId && m.joinedOn <= round && (m.leftOn === null || round < m.leftOn));
    for (let n = 2 + Math.floor(rnd() * 5); n > 0 && present.length > 0; n--) {
      const borrower = present.splice(Math.floor(rnd() * present.length), 1)[0];
      const disbursedOn = round;
      const principalVnd = (4 + Math.floor(rnd() * 20)) * 500_000 + Math.floor(rnd() * 3) * 1_000;
      // A fund never lends money it does not hold.
      if (cashOn(disbursedOn) < principalVnd) continue;
      const loanId = draw.uuid();
      const { memberId } = borrower;
      const termMonths = 6 + Math.floor(rnd() * 7);
      const ratePerMille = pick([0, 5, 8]);
      const instalments = schedule(principalVnd, termMonths, ratePerMille, disbursedOn);
      const events: LoanEvent[] = [
        { type: 'LoanApplied', data: { loanId, clubId, memberId, principalVnd, termMonths, monthlyRatePct: String(ratePerMille / 10), appliedOn: disbursedOn } },
        { type: 'LoanApproved', data: { loanId, approvedOn: disbursedOn } },
        { type: 'LoanDisbursed', data: { loanId, clubId, memberId, principalVnd, disbursedOn, schedule: instalments } },
      ];
      fund.push({ type: 'FundLoanDisbursed', data: { clubId, kind: 'income', loanId, amountVnd: principalVnd, disbursedOn } });
      const behaviour = rnd();
      const lateDays = behaviour < 0.5 ? 0 : 20 + Math.floor(rnd() * 40);
      const stopAfter = behaviour < 0.85 ? termMonths : Math.floor(rnd() * termMonths);
      let paidOn = disbursedOn;
      let principalLeft = principalVnd;
      for (const inst of instalments.slice(0, Math.min(stopAfter + 1, termMonths))) {
        const partial = inst.number > stopAfter;
        paidOn = later(addDays(inst.dueOn, lateDays), paidOn);
        if (paidOn > LAST_DAY) break;
        const principal = partial ? Math.floor(inst.principalVnd / 2) : inst.principalVnd;
        principalLeft -= principal;
        events.push({ type: 'LoanRepaymentReceived', data: { loanId, clubId, paidOn, amountVnd: principal + inst.interestVnd, principalVnd: principal, interestVnd: inst.interestVnd } });
        fund.push({ type: 'FundRepaymentReceived', data: { clubId, kind: 'income', loanId, principalVnd: principal, interestVnd: inst.interestVnd, receivedOn: paidOn } });
      }
      const writtenOffOn = addDays(paidOn, 90);
      if (principalLeft === 0) events.push({ type: 'LoanRepaid', data: { loanId, clubId, repaidOn: paidOn } });
      else if (stopAfter < termMonths && writtenOffOn <= LAST_DAY && rnd() < 0.5) {
        const interestVnd = instalments.filter((i) => i.number > stopAfter).reduce((sum, i) => sum + i.interestVnd, 0);
        events.push({ type: 'LoanWrittenOff', data: { loanId, clubId, writtenOffOn, principalVnd: principalLeft, interestVnd } });
        fund.push({ type: 'FundLoanWrittenOff', data: { clubId, kind: 'income', loanId, principalVnd: principalLeft, writtenOffOn } });
      }
      loans.push({ streamId: loanStreamId(loanId), streamType: LOAN_STREAM, events });
    }
  }
  return loans;
}
