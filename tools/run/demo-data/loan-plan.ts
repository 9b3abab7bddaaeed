// The demo's loans: rounds of club-fund loans at the monthly meeting, lent only from the cash the income
// fund holds that day (contributions, less what is out on loan, plus principal repaid), and repaid by the
// default schedule of ISHC.md §4 — most borrowers on the due day, a few some days late, one now and then
// stopping (more than 30 days past due on the scorecard's date) or written off. Pure: demo-data writes it.
import { addDays, addMonths } from './demo-dates';
import { SeededRandom } from './seeded-random';

export interface LoanBorrowerCandidate {
  joinedOn: string;
  leftOn?: string;
}

export interface DemoRepayment {
  paidOn: string;
  /** How many instalments of the schedule this payment settles, oldest first (the amount is theirs). */
  instalments: number;
}

/** How the borrower repays; one who defaults has stopped paying, and is written off once four months have gone by. */
export type RepaymentHabit = 'on_time' | 'late' | 'defaulting';

export interface DemoLoan {
  /** Position of the borrower in the club's `members`. */
  borrower: number;
  principalVnd: number;
  termMonths: number;
  monthlyRatePct: string;
  purpose: string;
  appliedOn: string;
  approvedOn: string;
  disbursedOn: string;
  habit: RepaymentHabit;
  /** Up to the demo's end only. */
  repayments: DemoRepayment[];
  writtenOffOn?: string;
}

export interface LoanPlanInput {
  members: readonly LoanBorrowerCandidate[];
  /** The income fund's contributions. */
  contributions: readonly { amountVnd: number; receivedOn: string }[];
  /** Disbursement days of the rounds (a meeting day each), ascending. */
  roundDates: readonly string[];
  /** The club's rule: percent per month. */
  monthlyRatePct: string;
  borrowersPerRound: number;
  /** Nothing is planned after this day. */
  until: string;
}

/** Production purposes of Trà Cú households; the term is the length of the cycle the loan finances. */
const PURPOSES: readonly { purpose: string; termMonths: number }[] = [
  { purpose: 'Nuôi gà, vịt', termMonths: 6 },
  { purpose: 'Trồng rau màu', termMonths: 6 },
  { purpose: 'Trồng đậu phộng', termMonths: 6 },
  { purpose: 'Buôn bán nhỏ', termMonths: 6 },
  { purpose: 'Nuôi heo', termMonths: 12 },
  { purpose: 'Nuôi bò', termMonths: 12 },
];

export const WRITE_OFF_REASON = 'Người vay không còn khả năng trả nợ; câu lạc bộ thống nhất xóa nợ';

/** The principal of each instalment of the default schedule, with its due day (interest is microfinance's to compute). */
export function scheduledPrincipal(principalVnd: number, termMonths: number, disbursedOn: string): { dueOn: string; principalVnd: number }[] {
  const regular = Math.floor(principalVnd / termMonths);
  return Array.from({ length: termMonths }, (_, i) => ({
    dueOn: addMonths(disbursedOn, i + 1),
    principalVnd: i === termMonths - 1 ? principalVnd - regular * (termMonths - 1) : regular,
  }));
}

/**
 * The payments a borrower with `habit` makes up to `until`: on the due day; `lateDays` after it; or, for one
 * who defaults, on the due day until `paidBeforeStopping` instalments are settled, the loan then written off
 * four months after the first instalment left unpaid when that falls by `until` (else it stays overdue).
 */
export function repaymentsOf(
  loan: { termMonths: number; disbursedOn: string; habit: RepaymentHabit },
  behaviour: { lateDays: number; paidBeforeStopping: number },
  until: string,
): { repayments: DemoRepayment[]; writtenOffOn?: string } {
  const dueDays = Array.from({ length: loan.termMonths }, (_, i) => addMonths(loan.disbursedOn, i + 1));
  const stopsAfter = loan.habit === 'defaulting' ? Math.min(behaviour.paidBeforeStopping, loan.termMonths - 1) : loan.termMonths;
  const delay = loan.habit === 'late' ? behaviour.lateDays : 0;
  const repayments = dueDays
    .slice(0, stopsAfter)
    .map((dueOn) => ({ paidOn: addDays(dueOn, delay), instalments: 1 }))
    .filter((r) => r.paidOn <= until);
  if (loan.habit !== 'defaulting') return { repayments };
  const writtenOffOn = addMonths(dueDays[stopsAfter], 4);
  return writtenOffOn <= until ? { repayments, writtenOffOn } : { repayments };
}

/** Principal the loan's planned payments have returned to the fund by `on`. */
export function principalRepaidBy(loan: DemoLoan, on: string): number {
  const schedule = scheduledPrincipal(loan.principalVnd, loan.termMonths, loan.disbursedOn);
  let settled = 0;
  let principal = 0;
  for (const payment of loan.repayments) {
    if (payment.paidOn > on) break;
    for (const instalment of schedule.slice(settled, settled + payment.instalments)) principal += instalment.principalVnd;
    settled += payment.instalments;
  }
  return principal;
}

/** The income fund's cash on `on` by the plan: contributions received, less principal lent, plus principal repaid (interest left aside). */
export function plannedCashOn(contributions: LoanPlanInput['contributions'], loans: readonly DemoLoan[], on: string): number {
  const received = contributions.filter((c) => c.receivedOn <= on).reduce((sum, c) => sum + c.amountVnd, 0);
  const lent = loans.filter((l) => l.disbursedOn <= on).reduce((sum, l) => sum + l.principalVnd, 0);
  const repaid = loans.reduce((sum, l) => sum + principalRepaidBy(l, on), 0);
  return received - lent + repaid;
}

/** Not yet repaid in full nor written off on `on`, by the plan. */
export function isRunningOn(loan: DemoLoan, on: string): boolean {
  if (loan.writtenOffOn !== undefined && loan.writtenOffOn <= on) return false;
  return loan.repayments.filter((r) => r.paidOn <= on).reduce((n, r) => n + r.instalments, 0) < loan.termMonths;
}

function habitOf(random: SeededRandom): RepaymentHabit {
  const draw = random.next();
  return draw < 0.83 ? 'on_time' : draw < 0.985 ? 'late' : 'defaulting';
}

/**
 * The club's loans, round by round. A round lends to members of the club on the application day who stay
 * members (those who have not borrowed first), at most `borrowersPerRound`, while the fund's cash that
 * day covers the next principal; nobody borrows again while a loan of theirs is still running. The fund
 * revolves: a round lends for no longer than until the next round (the last one also for a year).
 */
export function planLoans(input: LoanPlanInput, random: SeededRandom): DemoLoan[] {
  const loans: DemoLoan[] = [];
  const borrowed = new Set<number>();
  for (const [round, disbursedOn] of input.roundDates.entries()) {
    if (disbursedOn > input.until) continue;
    const nextRound = input.roundDates[round + 1];
    const purposes = PURPOSES.filter((p) => nextRound === undefined || addMonths(disbursedOn, p.termMonths) <= nextRound);
    const appliedOn = addDays(disbursedOn, -10);
    const running = new Set(loans.filter((l) => isRunningOn(l, appliedOn)).map((l) => l.borrower));
    const eligible = input.members
      .map((m, position) => ({ m, position }))
      .filter(({ m, position }) => m.joinedOn <= appliedOn && m.leftOn === undefined && !running.has(position))
      .map(({ position }) => position);
    const shuffled = random.shuffle(eligible);
    const candidates = [...shuffled.filter((p) => !borrowed.has(p)), ...shuffled.filter((p) => borrowed.has(p))];
    let cash = plannedCashOn(input.contributions, loans, disbursedOn);
    for (const borrower of candidates.slice(0, input.borrowersPerRound)) {
      const principalVnd = random.int(4, 12) * 500_000;
      const { purpose, termMonths } = random.pick(purposes);
      const habit = habitOf(random);
      const behaviour = { lateDays: random.int(5, 20), paidBeforeStopping: random.int(2, 4) };
      if (principalVnd > cash) break;
      const loan = { termMonths, disbursedOn, habit };
      loans.push({
        borrower,
        principalVnd,
        termMonths,
        monthlyRatePct: input.monthlyRatePct,
        purpose,
        appliedOn,
        approvedOn: addDays(disbursedOn, -3),
        disbursedOn,
        habit,
        ...repaymentsOf(loan, behaviour, input.until),
      });
      borrowed.add(borrower);
      cash -= principalVnd;
    }
  }
  return loans;
}
