// One club's microfinance history, deterministic (seeded): its two funds (opened the year before the
// activity starts, a monthly contribution to each), and each year a 12-month loan from the income fund to
// about 60 % of its members, with the fund's mirror of every money movement (microfinance-events.ts).
// Most loans are repaid instalment by instalment on the due date; a few stop paying (they stay overdue,
// so PAR30 is not zero) and some of those are written off nine months after their last payment.
import { GeneratedEvent, GeneratedStream } from './province';
import { SeededRandom } from './seeded-random';

const RATES = [
  { pct: '0.5', perThousand: 5 },
  { pct: '0.8', perThousand: 8 },
  { pct: '1', perThousand: 10 },
];
const TERM = 12;
const SOURCES = ['commune_committee', 'vae', 'project', 'donor', 'members'];

export function clubMicrofinance(random: SeededRandom, clubId: string, memberIds: readonly string[], firstYear: number, years: number): GeneratedStream[] {
  const streams: GeneratedStream[] = [];
  // The fund's events in date order (a fund's stream is its ledger); a stable sort keeps same-day order.
  const income: Array<{ on: string; event: GeneratedEvent }> = [];
  const activity: Array<{ on: string; event: GeneratedEvent }> = [];
  const openedOn = `${firstYear - 1}-12-01`;
  for (let y = 0; y < years; y++) {
    for (let month = 1; month <= 12; month++) {
      const on = `${firstYear + y}-${pad(month)}-05`;
      income.push({ on, event: { type: 'FundContributionReceived', data: { clubId, kind: 'income', amountVnd: 1_000_000 * random.int(1, 5), source: random.pick(SOURCES), receivedOn: on } } });
      activity.push({ on, event: { type: 'FundContributionReceived', data: { clubId, kind: 'activity', amountVnd: 100_000 * random.int(1, 10), source: 'members', receivedOn: on } } });
    }
    for (const memberId of memberIds) {
      if (!random.chance(0.6)) continue;
      const loanId = random.uuid();
      const month = random.int(1, 12);
      const day = random.int(1, 28);
      const appliedOn = `${firstYear + y}-${pad(month)}-${pad(day)}`;
      const rate = random.pick(RATES);
      const principalVnd = 1_000_000 * random.int(2, 10);
      const schedule = scheduleOf(principalVnd, rate.perThousand, firstYear + y, month, day);
      const events: GeneratedEvent[] = [
        { type: 'LoanApplied', data: { loanId, clubId, memberId, principalVnd, termMonths: TERM, monthlyRatePct: rate.pct, appliedOn } },
        { type: 'LoanApproved', data: { loanId, approvedOn: appliedOn } },
        { type: 'LoanDisbursed', data: { loanId, clubId, memberId, principalVnd, disbursedOn: appliedOn, schedule } },
      ];
      income.push({ on: appliedOn, event: { type: 'FundLoanDisbursed', data: { clubId, kind: 'income', loanId, amountVnd: principalVnd, disbursedOn: appliedOn } } });
      // 4 % stop paying after 2 to 8 instalments.
      const paid = random.chance(0.04) ? random.int(2, 8) : TERM;
      let principalLeft = principalVnd;
      for (const instalment of schedule.slice(0, paid)) {
        const paidOn = instalment.dueOn;
        principalLeft -= instalment.principalVnd;
        events.push({
          type: 'LoanRepaymentReceived',
          data: { loanId, clubId, paidOn, amountVnd: instalment.principalVnd + instalment.interestVnd, principalVnd: instalment.principalVnd, interestVnd: instalment.interestVnd },
        });
        income.push({ on: paidOn, event: { type: 'FundRepaymentReceived', data: { clubId, kind: 'income', loanId, principalVnd: instalment.principalVnd, interestVnd: instalment.interestVnd, receivedOn: paidOn } } });
      }
      const lastPaid = schedule[paid - 1].dueOn;
      if (paid === TERM) {
        events.push({ type: 'LoanRepaid', data: { loanId, clubId, repaidOn: lastPaid } });
      } else if (random.chance(0.5)) {
        const writtenOffOn = addMonths(lastPaid, 9);
        const interestVnd = schedule.slice(paid).reduce((sum, i) => sum + i.interestVnd, 0);
        events.push({ type: 'LoanWrittenOff', data: { loanId, clubId, writtenOffOn, principalVnd: principalLeft, interestVnd } });
        income.push({ on: writtenOffOn, event: { type: 'FundLoanWrittenOff', data: { clubId, kind: 'income', loanId, principalVnd: principalLeft, writtenOffOn } } });
      }
      streams.push({ streamId: `loan-${loanId}`, streamType: 'loan', events });
    }
  }
  for (const [kind, movements] of [
    ['income', income],
    ['activity', activity],
  ] as const) {
    movements.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    streams.push({
      streamId: `fund-${clubId}-${kind}`,
      streamType: 'fund',
      events: [{ type: 'FundOpened', data: { clubId, kind, openedOn } }, ...movements.map((m) => m.event)],
    });
  }
  return streams;
}

/** ⌊principal / term⌋ a month (the last takes the remainder), interest = rate × balance before, half up. */
function scheduleOf(principalVnd: number, perThousand: number, year: number, month: number, day: number) {
  const base = Math.floor(principalVnd / TERM);
  let balance = principalVnd;
  return Array.from({ length: TERM }, (_, i) => {
    const principal = i === TERM - 1 ? balance : base;
    const interestVnd = Math.floor((balance * perThousand + 500) / 1000);
    balance -= principal;
    return { number: i + 1, dueOn: addMonths(`${year}-${pad(month)}-${pad(day)}`, i + 1), principalVnd: principal, interestVnd };
  });
}

/** Days 1–28 only, so "same day n months later" always exists. */
function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-${pad(d)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
