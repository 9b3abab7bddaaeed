import { IsoDate } from './org-units';

// Events the microfinance service publishes. Schemas are versioned by `schemaVersion` on the envelope; a
// new shape gets a new version and an upcaster, never an in-place change. Money is integer VND; the
// monthly interest rate travels as an exact decimal string in percent (e.g. "0.5"), never a float.

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
  /** 1-based. */
  number: number;
  dueOn: IsoDate;
  principalVnd: number;
  interestVnd: number;
}

export interface LoanAppliedV1 {
  loanId: string;
  clubId: string;
  memberId: string;
  principalVnd: number;
  termMonths: number;
  /** Exact decimal string in percent per month, canonical form (e.g. "0.5", "0", "1.25"). */
  monthlyRatePct: string;
  purpose: string;
  appliedOn: IsoDate;
}

export interface LoanApprovedV1 {
  loanId: string;
  approvedOn: IsoDate;
}

export interface LoanDisbursedV1 {
  loanId: string;
  clubId: string;
  memberId: string;
  principalVnd: number;
  disbursedOn: IsoDate;
  /** The schedule in force from now on (consumers need not recompute it). */
  schedule: ScheduledInstalmentV1[];
}

export interface LoanRepaymentReceivedV1 {
  loanId: string;
  clubId: string;
  paidOn: IsoDate;
  amountVnd: number;
  /** The split of `amountVnd` (oldest instalment first, interest before principal): principal + interest = amount. */
  principalVnd: number;
  interestVnd: number;
}

export interface LoanRepaidV1 {
  loanId: string;
  clubId: string;
  repaidOn: IsoDate;
}

export interface LoanWrittenOffV1 {
  loanId: string;
  clubId: string;
  writtenOffOn: IsoDate;
  reason: string;
  /** Principal still outstanding, removed from the fund's loans. */
  principalVnd: number;
  /** Scheduled interest that will not be collected (information only: interest is booked when paid). */
  interestVnd: number;
}

export interface FundOpenedV1 {
  clubId: string;
  kind: FundKind;
  openedOn: IsoDate;
}

export interface FundContributionReceivedV1 {
  clubId: string;
  kind: FundKind;
  amountVnd: number;
  source: FundSource;
  receivedOn: IsoDate;
}

export interface FundLoanDisbursedV1 {
  clubId: string;
  kind: FundKind;
  loanId: string;
  amountVnd: number;
  disbursedOn: IsoDate;
}

export interface FundRepaymentReceivedV1 {
  clubId: string;
  kind: FundKind;
  loanId: string;
  principalVnd: number;
  interestVnd: number;
  receivedOn: IsoDate;
}

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
      required: ['loanId', 'clubId', 'memberId', 'principalVnd', 'termMonths', 'monthlyRatePct', 'purpose', 'appliedOn'],
      properties: {
        loanId: uuid,
        clubId: uuid,
        memberId: uuid,
        principalVnd: positiveVnd,
        termMonths: { type: 'integer', minimum: 1, maximum: 120 },
        monthlyRatePct: ratePct,
        purpose: { type: 'string', minLength: 1 },
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
      required: ['loanId', 'clubId', 'writtenOffOn', 'reason', 'principalVnd', 'interestVnd'],
      properties: { loanId: uuid, clubId: uuid, writtenOffOn: date, reason: { type: 'string', minLength: 1 }, principalVnd: vnd, interestVnd: vnd },
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
