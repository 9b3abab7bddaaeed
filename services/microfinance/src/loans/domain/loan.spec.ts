import { LoanEvent } from '@ishc/contracts';
import { DeciderSpecification } from '@ishc/testing';
import fc from 'fast-check';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { ApplyForLoan, LoanCommand, amountsOwed, decideLoan, evolveLoan, initialLoanState, loanHistory } from './loan';
import { repaymentSchedule } from './repayment-schedule';
import { parseRatePct } from '../../shared/money';

const spec = DeciderSpecification.for({ decide: decideLoan, evolve: evolveLoan, initialState: initialLoanState });

const loanId = '3b0f7a8e-6c1d-4d2a-9e3f-1a2b3c4d5e6f';
const clubId = '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a10';
const memberId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const today = '2026-11-30';

const apply = (overrides: Partial<ApplyForLoan> = {}): ApplyForLoan => ({
  type: 'ApplyForLoan',
  loanId,
  clubId,
  memberId,
  principalVnd: 4_000_000,
  termMonths: 10,
  monthlyRatePct: 0.5,
  purpose: 'nuôi heo',
  appliedOn: '2025-01-06',
  today,
  ...overrides,
});
const schedule = repaymentSchedule({ principalVnd: 4_000_000, termMonths: 10, monthlyRate: parseRatePct('0.5')!, disbursedOn: '2025-01-15' });

const applied: LoanEvent = {
  type: 'LoanApplied',
  data: { loanId, clubId, memberId, principalVnd: 4_000_000, termMonths: 10, monthlyRatePct: '0.5', appliedOn: '2025-01-06' },
};
const approved: LoanEvent = { type: 'LoanApproved', data: { loanId, approvedOn: '2025-01-10' } };
const disbursed: LoanEvent = { type: 'LoanDisbursed', data: { loanId, clubId, memberId, principalVnd: 4_000_000, disbursedOn: '2025-01-15', schedule } };
const repayment = (paidOn: string, amountVnd: number, principalVnd: number, interestVnd: number): LoanEvent => ({
  type: 'LoanRepaymentReceived',
  data: { loanId, clubId, paidOn, amountVnd, principalVnd, interestVnd },
});

const approve = (approvedOn: string, now = today): LoanCommand => ({ type: 'ApproveLoan', loanId, approvedOn, today: now });
const disburse = (disbursedOn: string, now = today): LoanCommand => ({ type: 'DisburseLoan', loanId, disbursedOn, today: now });
const repay = (amountVnd: number, paidOn: string, now = today): LoanCommand => ({ type: 'RecordRepayment', loanId, amountVnd, paidOn, today: now });
const writeOff = (writtenOffOn: string, reason = 'member moved away'): LoanCommand => ({ type: 'WriteOffLoan', loanId, writtenOffOn, reason, today });

const fields =
  (...names: string[]) =>
  (e: unknown) =>
    e instanceof RuleViolations && e.violations.length === names.length && names.every((n) => e.violations.some((v) => v.field === n));
const kind = (k: RuleViolation['kind']) => (e: unknown) => e instanceof RuleViolation && e.kind === k;

describe('applying for a loan', () => {
  it('given nothing, when a member applies, then the loan is applied with the rate as an exact decimal string', () => {
    spec.given([]).when(apply()).then(applied);
  });

  it('accepts a 0 % rate, 10 %, 1 month and 120 months', () => {
    spec.given([]).when(apply({ monthlyRatePct: 0 })).then({ ...applied, data: { ...applied.data, monthlyRatePct: '0' } } as LoanEvent);
    spec.given([]).when(apply({ monthlyRatePct: '10.00' })).then({ ...applied, data: { ...applied.data, monthlyRatePct: '10' } } as LoanEvent);
    spec.given([]).when(apply({ termMonths: 1 })).then({ ...applied, data: { ...applied.data, termMonths: 1 } } as LoanEvent);
    spec.given([]).when(apply({ termMonths: 120 })).then({ ...applied, data: { ...applied.data, termMonths: 120 } } as LoanEvent);
  });

  it('rejects a principal that is not a positive integer', () => {
    for (const principalVnd of [0, -1, 1000.5]) spec.given([]).when(apply({ principalVnd })).thenThrows(fields('principalVnd'));
  });

  it('rejects a term outside 1–120 months', () => {
    for (const termMonths of [0, 121, 2.5]) spec.given([]).when(apply({ termMonths })).thenThrows(fields('termMonths'));
  });

  it('rejects a monthly rate above 10 %, negative or not a plain decimal', () => {
    for (const monthlyRatePct of [10.01, -0.5, '1e-2', 'abc']) spec.given([]).when(apply({ monthlyRatePct })).thenThrows(fields('monthlyRatePct'));
  });

  it('rejects an application date in the future and an empty purpose, listing both', () => {
    spec.given([]).when(apply({ appliedOn: '2026-12-01', purpose: ' ' })).thenThrows(fields('appliedOn', 'purpose'));
  });

  it('rejects a second application on the same loan as a conflict', () => {
    spec.given([applied]).when(apply()).thenThrows(kind('conflict'));
  });
});

describe('approving a loan', () => {
  it('given an application, when approved on or after the application date, then it is approved', () => {
    spec.given([applied]).when(approve('2025-01-10')).then(approved);
    spec.given([applied]).when(approve('2025-01-06')).then({ type: 'LoanApproved', data: { loanId, approvedOn: '2025-01-06' } });
  });

  it('rejects an approval before the application or in the future', () => {
    spec.given([applied]).when(approve('2025-01-05')).thenThrows(fields('approvedOn'));
    spec.given([applied]).when(approve('2025-01-10', '2025-01-09')).thenThrows(fields('approvedOn'));
  });

  it('answers not found for an unknown loan and conflict when already approved', () => {
    spec.given([]).when(approve('2025-01-10')).thenThrows(kind('not_found'));
    spec.given([applied, approved]).when(approve('2025-01-10')).thenThrows(kind('conflict'));
  });
});

describe('disbursing a loan', () => {
  it('given an approved loan, when disbursed, then the schedule is fixed from the disbursement date', () => {
    spec.given([applied, approved]).when(disburse('2025-01-15')).then(disbursed);
  });

  it('rejects a disbursement before the approval or in the future', () => {
    spec.given([applied, approved]).when(disburse('2025-01-09')).thenThrows(fields('disbursedOn'));
    spec.given([applied, approved]).when(disburse('2025-01-15', '2025-01-14')).thenThrows(fields('disbursedOn'));
  });

  it('refuses to disburse a loan that is not approved, or twice', () => {
    spec.given([applied]).when(disburse('2025-01-15')).thenThrows(kind('conflict'));
    spec.given([applied, approved, disbursed]).when(disburse('2025-01-15')).thenThrows(kind('conflict'));
  });
});

describe('repaying a loan', () => {
  const history = [applied, approved, disbursed];

  it('given a disbursed loan, when the first instalment is paid, then the repayment carries its principal/interest split', () => {
    spec.given(history).when(repay(420_000, '2025-02-15')).then(repayment('2025-02-15', 420_000, 400_000, 20_000));
  });

  it('settles interest before principal and the oldest instalment first', () => {
    // after 15,000 of interest: 5,000 interest + 400,000 principal of #1, 18,000 interest + 77,000 principal of #2
    spec.given([...history, repayment('2025-02-15', 15_000, 0, 15_000)]).when(repay(500_000, '2025-03-15')).then(repayment('2025-03-15', 500_000, 477_000, 23_000));
  });

  it('closes the loan when the last VND owed is paid', () => {
    spec
      .given(history)
      .when(repay(4_110_000, '2025-02-10'))
      .then([repayment('2025-02-10', 4_110_000, 4_000_000, 110_000), { type: 'LoanRepaid', data: { loanId, clubId, repaidOn: '2025-02-10' } }]);
  });

  it('refuses an overpayment as a conflict', () => {
    spec.given(history).when(repay(4_110_001, '2025-02-10')).thenThrows(kind('conflict'));
    spec.given([...history, repayment('2025-02-15', 420_000, 400_000, 20_000)]).when(repay(3_690_001, '2025-03-15')).thenThrows(kind('conflict'));
  });

  it('rejects a payment dated before the disbursement, before the last payment, or in the future', () => {
    spec.given(history).when(repay(420_000, '2025-01-14')).thenThrows(fields('paidOn'));
    spec.given([...history, repayment('2025-02-15', 420_000, 400_000, 20_000)]).when(repay(418_000, '2025-02-14')).thenThrows(fields('paidOn'));
    spec.given(history).when(repay(420_000, '2025-02-15', '2025-02-14')).thenThrows(fields('paidOn'));
  });

  it('rejects an amount that is not a positive integer', () => {
    spec.given(history).when(repay(0, '2025-02-15')).thenThrows(kind('invalid'));
  });

  it('refuses repayments before disbursement and after the loan is closed', () => {
    spec.given([applied, approved]).when(repay(420_000, '2025-02-15')).thenThrows(kind('conflict'));
    spec
      .given([...history, repayment('2025-02-10', 4_110_000, 4_000_000, 110_000), { type: 'LoanRepaid', data: { loanId, clubId, repaidOn: '2025-02-10' } }])
      .when(repay(1, '2025-02-11'))
      .thenThrows(kind('conflict'));
  });
});

describe('writing a loan off', () => {
  const history = [applied, approved, disbursed, repayment('2025-02-15', 420_000, 400_000, 20_000)];

  it('given a disbursed loan, when written off, then the outstanding principal and uncollected interest are recorded', () => {
    spec
      .given(history)
      .when(writeOff('2025-06-30'))
      .then({ type: 'LoanWrittenOff', data: { loanId, clubId, writtenOffOn: '2025-06-30', principalVnd: 3_600_000, interestVnd: 90_000 } });
  });

  it('rejects a write-off without a reason or dated before the last payment', () => {
    spec.given(history).when(writeOff('2025-06-30', '')).thenThrows(fields('reason'));
    spec.given(history).when(writeOff('2025-02-01')).thenThrows(fields('writtenOffOn'));
  });

  it('refuses to write off a loan that is not disbursed, or twice, or to take payments afterwards', () => {
    spec.given([applied, approved]).when(writeOff('2025-06-30')).thenThrows(kind('conflict'));
    const writtenOff: LoanEvent = { type: 'LoanWrittenOff', data: { loanId, clubId, writtenOffOn: '2025-06-30', principalVnd: 3_600_000, interestVnd: 90_000 } };
    spec.given([...history, writtenOff]).when(writeOff('2025-07-01')).thenThrows(kind('conflict'));
    spec.given([...history, writtenOff]).when(repay(10_000, '2025-07-01')).thenThrows(kind('conflict'));
  });
});

describe('the folded loan', () => {
  it('knows what is owed and gives its dated history for arrears', () => {
    const state = [applied, approved, disbursed, repayment('2025-02-15', 425_000, 400_000, 25_000)].reduce(evolveLoan, initialLoanState());
    expect(state.status).toBe('disbursed');
    expect(amountsOwed(state)).toEqual({ principalVnd: 3_600_000, interestVnd: 85_000 });
    expect(loanHistory(state)).toEqual({ principalVnd: 4_000_000, disbursedOn: '2025-01-15', schedule, repayments: [{ paidOn: '2025-02-15', amountVnd: 425_000 }], writtenOffOn: null });
    expect(loanHistory([applied].reduce(evolveLoan, initialLoanState()))).toBeNull();
  });
});

describe('loan invariants (property-based)', () => {
  it('any sequence of repayments: paid = principal + interest received, never more than scheduled, repaid exactly when all is paid', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000, max: 1_500_000 }), { maxLength: 30 }), (amounts) => {
        let state = [applied, approved, disbursed].reduce(evolveLoan, initialLoanState());
        let day = 0;
        for (const amountVnd of amounts) {
          const paidOn = new Date(Date.UTC(2025, 0, 15 + day++)).toISOString().slice(0, 10);
          let events: LoanEvent[] = [];
          try {
            events = decideLoan({ type: 'RecordRepayment', loanId, amountVnd, paidOn, today }, state);
          } catch (error) {
            expect(error instanceof RuleViolation || error instanceof RuleViolations).toBe(true);
          }
          state = events.reduce(evolveLoan, state);
        }
        expect(state.principalPaidVnd + state.interestPaidVnd).toBe(state.paidVnd);
        expect(state.paidVnd).toBeLessThanOrEqual(4_110_000);
        expect(state.principalPaidVnd).toBeLessThanOrEqual(4_000_000);
        expect(state.status === 'repaid').toBe(state.paidVnd === 4_110_000);
        expect(amountsOwed(state).principalVnd + amountsOwed(state).interestVnd).toBe(4_110_000 - state.paidVnd);
      }),
    );
  });
});
