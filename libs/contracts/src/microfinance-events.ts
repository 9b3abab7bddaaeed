import { IsoDate } from './org-units';

// Events the microfinance service publishes. Schemas are versioned by `schemaVersion` on the envelope; a
// new shape gets a new version and an upcaster, never an in-place change. Money is integer VND; the
// monthly interest rate travels as an exact decimal string in percent (e.g. "0.5"), never a float.
//
// No personal data: loan events carry ids, amounts, dates and the loan's terms only. The free text a
// client sends (a loan's purpose, a write-off's reason) stays in microfinance's own tables.
//
// What reporting derives from them (ISHC.md §6), for a loan L on an as-of date T:
// - disbursed to member M of club K on D:  LoanDisbursed {memberId, clubId, disbursedOn}
//   → members_with_loan_pct counts M when P.start ≤ D ≤ T (and M is in members(K, T) per the registry).
// - outstanding principal on T:  LoanDisbursed.principalVnd − Σ LoanRepaymentReceived.principalVnd with
//   paidOn ≤ T; 0 when T < disbursedOn or LoanWrittenOff.writtenOffOn ≤ T  → loans_outstanding_vnd.
// - days past due on T:  paid(T) = Σ LoanRepaymentReceived.amountVnd with paidOn ≤ T settles
//   LoanDisbursed.schedule oldest instalment first, interest before principal; the oldest instalment not
//   fully settled by paid(T) fell due d = T − dueOn days ago (0 if not yet due / none / written off)
//   → par30_pct's numerator is the outstanding principal of loans with d > 30.
// A loan's repayments are recorded in paidOn order (a repayment dated before the last is refused), so the
// cumulative sums above are the same whatever order a consumer receives loans in. The fund events mirror
// every money movement of a loan on the club's income fund (FundLoanDisbursed, FundRepaymentReceived,
// FundLoanWrittenOff): Σ over a club's loans equals the income fund's loans receivable to the đồng.

export const LOAN_STREAM = 'loan';
export const FUND_STREAM = 'fund';

export const FUND_KINDS = ['income', 'activity'] as const;
/** `income`: the income-generation fund (Quỹ tăng thu nhập), lent to members; `activity`: Quỹ hoạt động. */
export type FundKind = (typeof FUND_KINDS)[number];

/** Where contributed money came from (ISHC.md §4). */
export const FUND_SOURCES = ['commune_committee', 'vae', 'project', 'donor', 'members'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export const loanStreamId = (loanId: string): string => `${LOAN_STREAM}-${loanId}`;
export const fundStreamId = (clubId: string, kind: FundKind): string => `${FUND_STREAM}-${clubId}-${kind}`;

/** One instalment of the repayment schedule fixed at disbursement. */
export interface ScheduledInstalmentV1 {
  /** 1-based, in due order. */
  number: number;
  /** `number` calendar months after disbursement (same day of the month, or the month's last day). */
  dueOn: IsoDate;
  /** ⌊principal / term⌋; the last instalment takes the remainder. */
  principalVnd: number;
  /** The monthly rate × the scheduled balance before this instalment, half up to whole VND. */
  interestVnd: number;
}

/** A member applied for a loan from the club's income fund (stream `loan-<loanId>`, its first event). */
export interface LoanAppliedV1 {
  loanId: string;
  clubId: string;
  /** The registry's member id (a current member of `clubId` on `appliedOn`); no personal data. */
  memberId: string;
  principalVnd: number;
  termMonths: number;
  /** Exact decimal string in percent per month, canonical form (e.g. "0.5", "0", "1.25"). */
  monthlyRatePct: string;
  appliedOn: IsoDate;
}

/** The club approved the application (no money moves). */
export interface LoanApprovedV1 {
  loanId: string;
  approvedOn: IsoDate;
}

/**
 * The money left the income fund for the member on `disbursedOn` (the same transaction appended
 * FundLoanDisbursed to the fund). From this day the loan is outstanding; it counts for
 * members_with_loan_pct (memberId, clubId, disbursedOn) and loans_outstanding_vnd / par30_pct.
 */
export interface LoanDisbursedV1 {
  loanId: string;
  clubId: string;
  memberId: string;
  /** Principal lent, = Σ schedule[].principalVnd. */
  principalVnd: number;
  disbursedOn: IsoDate;
  /** The schedule in force from now on (consumers need not recompute it). */
  schedule: ScheduledInstalmentV1[];
}

/** A payment by the member on `paidOn` (never dated before the loan's previous payment). */
export interface LoanRepaymentReceivedV1 {
  loanId: string;
  clubId: string;
  paidOn: IsoDate;
  /** The whole payment; cumulated over a loan it tells how far the schedule is settled (days past due). */
  amountVnd: number;
  /** The split of `amountVnd` (oldest instalment first, interest before principal): principal + interest = amount. */
  principalVnd: number;
  /** Income of the fund. */
  interestVnd: number;
}

/** The payment on `repaidOn` (whose LoanRepaymentReceived precedes this) settled the whole schedule. */
export interface LoanRepaidV1 {
  loanId: string;
  clubId: string;
  repaidOn: IsoDate;
}

/**
 * The club gave up the rest of the loan on `writtenOffOn`: from that day its outstanding principal is 0
 * and it leaves loans_outstanding_vnd and par30_pct (the reason stays in microfinance).
 */
export interface LoanWrittenOffV1 {
  loanId: string;
  clubId: string;
  writtenOffOn: IsoDate;
  /** Principal still outstanding, removed from the fund's loans. */
  principalVnd: number;
  /** Scheduled interest that will not be collected (information only: interest is booked when paid). */
  interestVnd: number;
}

/** A club opened one of its two funds (stream `fund-<clubId>-<kind>`, its first event): clubs_with_both_funds_pct. */
export interface FundOpenedV1 {
  clubId: string;
  kind: FundKind;
  openedOn: IsoDate;
}

/** Money received by a fund: cash up, capital from `source` up. */
export interface FundContributionReceivedV1 {
  clubId: string;
  kind: FundKind;
  amountVnd: number;
  source: FundSource;
  receivedOn: IsoDate;
}

/** Cash lent to loan `loanId` (income fund only): cash down, loans receivable up, capital unchanged. */
export interface FundLoanDisbursedV1 {
  clubId: string;
  kind: FundKind;
  loanId: string;
  amountVnd: number;
  disbursedOn: IsoDate;
}

/** A loan payment booked by the fund: cash up by principal + interest, loans receivable down by principal, interest is income. */
export interface FundRepaymentReceivedV1 {
  clubId: string;
  kind: FundKind;
  loanId: string;
  principalVnd: number;
  interestVnd: number;
  receivedOn: IsoDate;
}

/** A loan's outstanding principal written off: loans receivable and capital down by `principalVnd`. */
export interface FundLoanWrittenOffV1 {
  clubId: string;
  kind: FundKind;
  loanId: string;
  principalVnd: number;
  writtenOffOn: IsoDate;
}

export type LoanEvent =
  | { type: 'LoanApplied'; data: LoanAppliedV1 }
  | { type: 'LoanApproved'; data: LoanApprovedV1 }
  | { type: 'LoanDisbursed'; data: LoanDisbursedV1 }
  | { type: 'LoanRepaymentReceived'; data: LoanRepaymentReceivedV1 }
  | { type: 'LoanRepaid'; data: LoanRepaidV1 }
  | { type: 'LoanWrittenOff'; data: LoanWrittenOffV1 };

export type FundEvent =
  | { type: 'FundOpened'; data: FundOpenedV1 }
  | { type: 'FundContributionReceived'; data: FundContributionReceivedV1 }
  | { type: 'FundLoanDisbursed'; data: FundLoanDisbursedV1 }
  | { type: 'FundRepaymentReceived'; data: FundRepaymentReceivedV1 }
  | { type: 'FundLoanWrittenOff'; data: FundLoanWrittenOffV1 };

export type MicrofinanceEvent = LoanEvent | FundEvent;
export type MicrofinanceEventType = MicrofinanceEvent['type'];

const uuid = { type: 'string', format: 'uuid' } as const;
const date = { type: 'string', format: 'date' } as const;
const vnd = { type: 'integer', minimum: 0 } as const;
const positiveVnd = { type: 'integer', minimum: 1 } as const;
const fundKind = { enum: [...FUND_KINDS] } as const;
const ratePct = { type: 'string', pattern: '^(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?$' } as const;

/** JSON Schemas of the current versions, for consumers outside TypeScript and for docs. */
export const microfinanceEventSchemas: Record<MicrofinanceEventType, { version: number; schema: object }> = {
  LoanApplied: {
    version: 1,
    schema: {
      type: 'object',
      required: ['loanId', 'clubId', 'memberId', 'principalVnd', 'termMonths', 'monthlyRatePct', 'appliedOn'],
      properties: {
        loanId: uuid,
        clubId: uuid,
        memberId: uuid,
        principalVnd: positiveVnd,
        termMonths: { type: 'integer', minimum: 1, maximum: 120 },
        monthlyRatePct: ratePct,
        appliedOn: date,
      },
    },
  },
  LoanApproved: {
    version: 1,
    schema: { type: 'object', required: ['loanId', 'approvedOn'], properties: { loanId: uuid, approvedOn: date } },
  },
  LoanDisbursed: {
    version: 1,
    schema: {
      type: 'object',
      required: ['loanId', 'clubId', 'memberId', 'principalVnd', 'disbursedOn', 'schedule'],
      properties: {
        loanId: uuid,
        clubId: uuid,
        memberId: uuid,
        principalVnd: positiveVnd,
        disbursedOn: date,
        schedule: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['number', 'dueOn', 'principalVnd', 'interestVnd'],
            properties: { number: { type: 'integer', minimum: 1 }, dueOn: date, principalVnd: vnd, interestVnd: vnd },
          },
        },
      },
    },
  },
  LoanRepaymentReceived: {
    version: 1,
    schema: {
      type: 'object',
      required: ['loanId', 'clubId', 'paidOn', 'amountVnd', 'principalVnd', 'interestVnd'],
      properties: { loanId: uuid, clubId: uuid, paidOn: date, amountVnd: positiveVnd, principalVnd: vnd, interestVnd: vnd },
    },
  },
  LoanRepaid: {
    version: 1,
    schema: { type: 'object', required: ['loanId', 'clubId', 'repaidOn'], properties: { loanId: uuid, clubId: uuid, repaidOn: date } },
  },
  LoanWrittenOff: {
    version: 1,
    schema: {
      type: 'object',
      required: ['loanId', 'clubId', 'writtenOffOn', 'principalVnd', 'interestVnd'],
      properties: { loanId: uuid, clubId: uuid, writtenOffOn: date, principalVnd: vnd, interestVnd: vnd },
    },
  },
  FundOpened: {
    version: 1,
    schema: { type: 'object', required: ['clubId', 'kind', 'openedOn'], properties: { clubId: uuid, kind: fundKind, openedOn: date } },
  },
  FundContributionReceived: {
    version: 1,
    schema: {
      type: 'object',
      required: ['clubId', 'kind', 'amountVnd', 'source', 'receivedOn'],
      properties: { clubId: uuid, kind: fundKind, amountVnd: positiveVnd, source: { enum: [...FUND_SOURCES] }, receivedOn: date },
    },
  },
  FundLoanDisbursed: {
    version: 1,
    schema: {
      type: 'object',
      required: ['clubId', 'kind', 'loanId', 'amountVnd', 'disbursedOn'],
      properties: { clubId: uuid, kind: fundKind, loanId: uuid, amountVnd: positiveVnd, disbursedOn: date },
    },
  },
  FundRepaymentReceived: {
    version: 1,
    schema: {
      type: 'object',
      required: ['clubId', 'kind', 'loanId', 'principalVnd', 'interestVnd', 'receivedOn'],
      properties: { clubId: uuid, kind: fundKind, loanId: uuid, principalVnd: vnd, interestVnd: vnd, receivedOn: date },
    },
  },
  FundLoanWrittenOff: {
    version: 1,
    schema: {
      type: 'object',
      required: ['clubId', 'kind', 'loanId', 'principalVnd', 'writtenOffOn'],
      properties: { clubId: uuid, kind: fundKind, loanId: uuid, principalVnd: vnd, writtenOffOn: date },
    },
  },
};
