import { FundEvent } from '@ishc/contracts';
import { DeciderSpecification } from '@ishc/testing';
import fc from 'fast-check';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { FundCommand, FundState, decideFund, evolveFund, initialFundState } from './fund';
import { balancesOn, isBalanced, positionOn } from './fund-ledger';

const spec = DeciderSpecification.for({ decide: decideFund, evolve: evolveFund, initialState: initialFundState });

const clubId = '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a10';
const loanId = '3b0f7a8e-6c1d-4d2a-9e3f-1a2b3c4d5e6f';
const today = '2026-11-30';

const opened: FundEvent = { type: 'FundOpened', data: { clubId, kind: 'income', openedOn: '2025-01-02' } };
const activityOpened: FundEvent = { type: 'FundOpened', data: { clubId, kind: 'activity', openedOn: '2025-01-02' } };
const contributed = (amountVnd: number, receivedOn = '2025-01-02'): FundEvent => ({
  type: 'FundContributionReceived',
  data: { clubId, kind: 'income', amountVnd, source: 'vae', receivedOn },
});
const lent = (amountVnd: number, disbursedOn = '2025-01-15', id = loanId): FundEvent => ({
  type: 'FundLoanDisbursed',
  data: { clubId, kind: 'income', loanId: id, amountVnd, disbursedOn },
});

const open = (overrides: Partial<Extract<FundCommand, { type: 'OpenFund' }>> = {}): FundCommand => ({ type: 'OpenFund', clubId, kind: 'income', openedOn: '2025-01-02', today, ...overrides });
const contribute = (amountVnd: number, receivedOn = '2025-01-05', source = 'vae'): FundCommand =>
  ({ type: 'Contribute', amountVnd, source, receivedOn, today }) as FundCommand;
const disburse = (amountVnd: number, disbursedOn = '2025-01-15', id = loanId): FundCommand => ({ type: 'DisburseFromFund', loanId: id, amountVnd, disbursedOn, today });
const receive = (principalVnd: number, interestVnd: number, receivedOn = '2025-02-15'): FundCommand => ({ type: 'ReceiveRepayment', loanId, principalVnd, interestVnd, receivedOn, today });
const writeOff = (principalVnd: number, writtenOffOn = '2025-06-30'): FundCommand => ({ type: 'WriteOffFromFund', loanId, principalVnd, writtenOffOn, today });

const fields =
  (...names: string[]) =>
  (e: unknown) =>
    e instanceof RuleViolations && e.violations.length === names.length && names.every((n) => e.violations.some((v) => v.field === n));
const kind = (k: RuleViolation['kind']) => (e: unknown) => e instanceof RuleViolation && e.kind === k;

describe('opening a fund', () => {
  it('given nothing, when a club opens its income fund, then it is open', () => {
    spec.given([]).when(open()).then(opened);
  });

  it('rejects an opening date in the future, an unknown kind, and a second opening', () => {
    spec.given([]).when(open({ openedOn: '2026-12-01' })).thenThrows(fields('openedOn'));
    spec.given([]).when(open({ kind: 'savings' as never })).thenThrows(fields('kind'));
    spec.given([opened]).when(open()).thenThrows(kind('conflict'));
  });
});

describe('contributing to a fund', () => {
  it('given an open fund, when money is contributed from a source, then it is received', () => {
    spec
      .given([opened])
      .when(contribute(20_000_000, '2025-01-05', 'commune_committee'))
      .then({ type: 'FundContributionReceived', data: { clubId, kind: 'income', amountVnd: 20_000_000, source: 'commune_committee', receivedOn: '2025-01-05' } });
  });

  it('rejects a non-positive amount, an unknown source and a date before opening, listing all', () => {
    spec.given([opened]).when(contribute(0, '2025-01-01', 'bank')).thenThrows(fields('amountVnd', 'source', 'receivedOn'));
  });

  it('answers not found when the fund is not open', () => {
    spec.given([]).when(contribute(1_000)).thenThrows(kind('not_found'));
  });
});

describe('lending from the fund', () => {
  it('given cash, when a loan is disbursed within it, then the fund lends it', () => {
    spec.given([opened, contributed(20_000_000)]).when(disburse(4_000_000)).then(lent(4_000_000));
    spec.given([opened, contributed(4_000_000)]).when(disburse(4_000_000)).then(lent(4_000_000));
  });

  it('refuses to lend money the fund does not hold', () => {
    spec.given([opened, contributed(3_999_999)]).when(disburse(4_000_000)).thenThrows(kind('conflict'));
    spec.given([opened, contributed(4_000_000, '2025-01-20')]).when(disburse(4_000_000, '2025-01-15')).thenThrows(kind('conflict'));
  });

  it('refuses a backdated loan that would make the cash negative on a later recorded date', () => {
    // 5,000,000 on 01-02; 4,000,000 lent on 01-15; a 2,000,000 loan dated 01-10 would leave −1,000,000 on 01-15
    spec.given([opened, contributed(5_000_000), lent(4_000_000)]).when(disburse(2_000_000, '2025-01-10', 'other-loan')).thenThrows(kind('conflict'));
    spec.given([opened, contributed(5_000_000), lent(4_000_000)]).when(disburse(1_000_000, '2025-01-10', 'other-loan')).then(lent(1_000_000, '2025-01-10', 'other-loan'));
  });

  it('refuses lending from the activity fund and disbursing the same loan twice', () => {
    spec.given([activityOpened]).when(disburse(1)).thenThrows(kind('conflict'));
    spec.given([opened, contributed(20_000_000), lent(4_000_000)]).when(disburse(4_000_000)).thenThrows(kind('conflict'));
  });
});

describe('repayments and write-offs in the fund', () => {
  const lending = [opened, contributed(20_000_000), lent(4_000_000)];

  it('books a repayment split into principal and interest', () => {
    spec.given(lending).when(receive(400_000, 20_000)).then({ type: 'FundRepaymentReceived', data: { clubId, kind: 'income', loanId, principalVnd: 400_000, interestVnd: 20_000, receivedOn: '2025-02-15' } });
  });

  it('refuses a repayment of a loan it did not lend, beyond its outstanding principal, or before its disbursement', () => {
    spec.given([opened, contributed(20_000_000)]).when(receive(400_000, 20_000)).thenThrows(kind('conflict'));
    spec.given(lending).when(receive(4_000_001, 0)).thenThrows(kind('conflict'));
    spec.given(lending).when(receive(400_000, 20_000, '2025-01-14')).thenThrows(fields('receivedOn'));
    spec.given(lending).when(receive(0, 0)).thenThrows(fields('principalVnd'));
  });

  it('writes off at most the outstanding principal', () => {
    spec.given(lending).when(writeOff(4_000_000)).then({ type: 'FundLoanWrittenOff', data: { clubId, kind: 'income', loanId, principalVnd: 4_000_000, writtenOffOn: '2025-06-30' } });
    spec.given(lending).when(writeOff(4_000_001)).thenThrows(kind('conflict'));
  });
});

describe('fund invariants (property-based)', () => {
  const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2025, 0, 2 + n)).toISOString().slice(0, 10));
  const loanIds = ['l1', 'l2', 'l3', 'l4'];
  const command: fc.Arbitrary<FundCommand> = fc.oneof(
    fc.record({ amount: fc.integer({ min: -10, max: 8_000_000 }), on: day }).map(({ amount, on }) => contribute(amount, on)),
    fc.record({ id: fc.constantFrom(...loanIds), amount: fc.integer({ min: 1, max: 8_000_000 }), on: day }).map(({ id, amount, on }) => disburse(amount, on, id)),
    fc
      .record({ id: fc.constantFrom(...loanIds), principal: fc.integer({ min: 0, max: 3_000_000 }), interest: fc.integer({ min: 0, max: 50_000 }), on: day })
      .map(({ id, principal, interest, on }): FundCommand => ({ type: 'ReceiveRepayment', loanId: id, principalVnd: principal, interestVnd: interest, receivedOn: on, today })),
    fc
      .record({ id: fc.constantFrom(...loanIds), principal: fc.integer({ min: 0, max: 8_000_000 }), on: day })
      .map(({ id, principal, on }): FundCommand => ({ type: 'WriteOffFromFund', loanId: id, principalVnd: principal, writtenOffOn: on, today })),
  );

  it('whatever is asked, the ledger balances, cash is never negative on any date, and capital = contributions + interest − write-offs', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let state: FundState = evolveFund(initialFundState(), opened);
        for (const c of commands) {
          let events: FundEvent[] = [];
          try {
            events = decideFund(c, state);
          } catch (error) {
            if (!(error instanceof RuleViolation || error instanceof RuleViolations)) throw error;
          }
          state = events.reduce(evolveFund, state);
        }
        const dates = [...new Set(state.ledger.entries.map((e) => e.on))];
        for (const d of dates) {
          expect(isBalanced(state.ledger, d)).toBe(true);
          const p = positionOn(state.ledger, d);
          expect(p.cashVnd).toBeGreaterThanOrEqual(0);
          expect(p.loansOutstandingVnd).toBeGreaterThanOrEqual(0);
          const contributions = Object.values(p.contributionsVnd).reduce((s, v) => s + v, 0);
          expect(p.capitalVnd).toBe(contributions + p.interestIncomeVnd - p.writtenOffVnd);
        }
        expect(balancesOn(state.ledger).loans_receivable).toBe(Object.values(state.loans).reduce((s, l) => s + l.outstandingVnd, 0));
      }),
    );
  });
});
