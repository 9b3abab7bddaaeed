// The hand-computed round, shared by the domain spec (loan-round.spec.ts) and the scenario over
// HTTP (loans/loan-round.api.spec.ts): a fund of 20,000,000 VND lends 5 loans of 4,000,000 VND over 10
// months at 0.5 %/month, disbursed on 2025-01-15. Every figure below was worked out by hand.
//
//  #  due on       balance before  principal  interest (0.5 %)  instalment
//  1  2025-02-15   4,000,000       400,000    20,000            420,000
//  2  2025-03-15   3,600,000       400,000    18,000            418,000
//  3  2025-04-15   3,200,000       400,000    16,000            416,000
//  4  2025-05-15   2,800,000       400,000    14,000            414,000
//  5  2025-06-15   2,400,000       400,000    12,000            412,000
//  6  2025-07-15   2,000,000       400,000    10,000            410,000
//  7  2025-08-15   1,600,000       400,000     8,000            408,000
//  8  2025-09-15   1,200,000       400,000     6,000            406,000
//  9  2025-10-15     800,000       400,000     4,000            404,000
// 10  2025-11-15     400,000       400,000     2,000            402,000
//                              4,000,000   110,000          4,110,000
//
// L1 pays on time; L2 pays instalment 1 late, on day 45 (2025-03-01), then stops; L3 pays nothing and is
// written off on 2025-04-30; L4 pays only the first month's interest; L5 repays everything on 2025-02-10.

export const ROUND_LOANS = ['L1', 'L2', 'L3', 'L4', 'L5'] as const;
export type RoundLoan = (typeof ROUND_LOANS)[number];

export const ROUND_FUND = {
  openedOn: '2025-01-02',
  contributions: [
    { amountVnd: 12_000_000, source: 'commune_committee', receivedOn: '2025-01-02' },
    { amountVnd: 8_000_000, source: 'vae', receivedOn: '2025-01-05' },
  ],
} as const;

export const ROUND_TERMS = { principalVnd: 4_000_000, termMonths: 10, monthlyRatePct: '0.5', appliedOn: '2025-01-06', approvedOn: '2025-01-10', disbursedOn: '2025-01-15' } as const;

/** [due on, principal, interest] of every loan's instalments 1–10. */
export const HAND_SCHEDULE = [
  ['2025-02-15', 400_000, 20_000],
  ['2025-03-15', 400_000, 18_000],
  ['2025-04-15', 400_000, 16_000],
  ['2025-05-15', 400_000, 14_000],
  ['2025-06-15', 400_000, 12_000],
  ['2025-07-15', 400_000, 10_000],
  ['2025-08-15', 400_000, 8_000],
  ['2025-09-15', 400_000, 6_000],
  ['2025-10-15', 400_000, 4_000],
  ['2025-11-15', 400_000, 2_000],
] as const;

/** The payments and the write-off, in the order they are recorded. */
export const ROUND_EVENTS: ({ loan: RoundLoan; pay: number; on: string } | { loan: RoundLoan; writeOff: string; on: string })[] = [
  { loan: 'L5', pay: 4_110_000, on: '2025-02-10' },
  { loan: 'L1', pay: 420_000, on: '2025-02-15' },
  { loan: 'L4', pay: 20_000, on: '2025-02-15' },
  { loan: 'L2', pay: 420_000, on: '2025-03-01' },
  { loan: 'L1', pay: 418_000, on: '2025-03-15' },
  { loan: 'L1', pay: 416_000, on: '2025-04-15' },
  { loan: 'L3', writeOff: 'member left the commune', on: '2025-04-30' },
];

/** Days past due per loan [L1, L2, L3, L4, L5] on a date. */
export const HAND_DAYS_PAST_DUE: [string, number[]][] = [
  ['2025-02-14', [0, 0, 0, 0, 0]],
  ['2025-02-28', [0, 13, 13, 13, 0]], // instalment 1 fell due on 02-15
  ['2025-03-01', [0, 0, 14, 14, 0]], // L2 pays instalment 1 on day 45: its oldest unpaid is now #2, due 03-15
  ['2025-03-17', [0, 2, 30, 30, 0]],
  ['2025-03-18', [0, 3, 31, 31, 0]],
  ['2025-04-20', [0, 36, 64, 64, 0]], // 16 + 20; 13 + 31 + 20
  ['2025-04-30', [0, 46, 0, 74, 0]], // L3 written off
];

/** [date, outstanding principal, PAR30 principal, fund cash, fund capital]. */
export const HAND_PORTFOLIO: [string, number, number, number, number][] = [
  ['2025-01-14', 0, 0, 20_000_000, 20_000_000],
  ['2025-01-15', 20_000_000, 0, 0, 20_000_000],
  // 15.6M = 3.6 (L1) + 4 + 4 + 4 + 0 (L5); cash = 4,110,000 (L5) + 420,000 (L1) + 20,000 (L4)
  ['2025-02-28', 15_600_000, 0, 4_550_000, 20_150_000],
  // L1 3.2M, L2 3.6M, L3 4M, L4 4M; cash += 420,000 (L2) + 418,000 (L1); PAR30 empty at 30 days
  ['2025-03-17', 14_800_000, 0, 5_388_000, 20_188_000],
  ['2025-03-18', 14_800_000, 8_000_000, 5_388_000, 20_188_000], // L3 and L4 at 31 days
  ['2025-04-20', 14_400_000, 11_600_000, 5_804_000, 20_204_000], // L1 2.8M after 04-15; L2 now 36 days
  ['2025-04-30', 10_400_000, 7_600_000, 5_804_000, 16_204_000], // L3's 4,000,000 written off
];

/** At the end: interest income 20,000 + 18,000 + 16,000 (L1) + 20,000 (L2) + 20,000 (L4) + 110,000 (L5). */
export const HAND_INTEREST_INCOME = 204_000;
export const HAND_WRITTEN_OFF = 4_000_000;
