import { LoanEvent } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { DeciderSpecification } from '@ishc/testing';
import { BorrowerContext, KnownMember, decideLoanOfBorrower, isMemberOn } from './borrower';
import { LoanCommand, LoanState, evolveLoan, initialLoanState } from './loan';

const loanId = '3b0f7a8e-6c1d-4d2a-9e3f-1a2b3c4d5e6f';
const clubId = '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a10';
const memberId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const today = '2026-11-30';

const club = { clubId, establishedOn: '2021-06-01', dissolvedOn: '2026-01-01' };
// A member from 2022-03-01 to 2025-06-30 (left on 2025-07-01), back from 2025-09-01.
const member: KnownMember = {
  diedOn: null,
  memberships: [
    { clubId, joinedOn: '2022-03-01', leftOn: '2025-07-01' },
    { clubId: 'another-club', joinedOn: '2025-07-01', leftOn: '2025-09-01' },
    { clubId, joinedOn: '2025-09-01', leftOn: null },
  ],
};
const context = (overrides: Partial<BorrowerContext> = {}): BorrowerContext => ({ clubId, memberId, club, member, ...overrides });
const specWith = (ctx: BorrowerContext) =>
  DeciderSpecification.for({ decide: (c: LoanCommand, s: LoanState) => decideLoanOfBorrower(c, s, ctx), evolve: evolveLoan, initialState: initialLoanState });

const apply = (appliedOn: string, overrides: object = {}): LoanCommand => ({
  type: 'ApplyForLoan',
  loanId,
  clubId,
  memberId,
  principalVnd: 4_000_000,
  termMonths: 10,
  monthlyRatePct: '0.5',
  purpose: 'nuôi heo',
  appliedOn,
  today,
  ...overrides,
});
const applied = (appliedOn: string): LoanEvent => ({
  type: 'LoanApplied',
  data: { loanId, clubId, memberId, principalVnd: 4_000_000, termMonths: 10, monthlyRatePct: '0.5', appliedOn },
});
const approved = (approvedOn: string): LoanEvent => ({ type: 'LoanApproved', data: { loanId, approvedOn } });
const disburse = (disbursedOn: string): LoanCommand => ({ type: 'DisburseLoan', loanId, disbursedOn, today });

const conflict = (pattern: RegExp, field: string | null = null) => (e: unknown) => e instanceof RuleViolation && e.kind === 'conflict' && e.field === field && pattern.test(e.message);
const fields =
  (...names: string[]) =>
  (e: unknown) =>
    e instanceof RuleViolations && e.violations.length === names.length && names.every((n) => e.violations.some((v) => v.field === n && v.kind === 'invalid'));

describe('a member of the club on a date', () => {
  it('is one from the day they join to the day before they leave, and not from the day they die', () => {
    expect(isMemberOn(member, clubId, '2022-02-28')).toBe(false);
    expect(isMemberOn(member, clubId, '2022-03-01')).toBe(true);
    expect(isMemberOn(member, clubId, '2025-06-30')).toBe(true);
    expect(isMemberOn(member, clubId, '2025-07-01')).toBe(false);
    expect(isMemberOn(member, clubId, '2025-09-01')).toBe(true);
    expect(isMemberOn({ ...member, diedOn: '2025-10-01' }, clubId, '2025-10-01')).toBe(false);
    expect(isMemberOn(member, 'another-club', '2025-08-01')).toBe(true);
  });
});

describe('lending only to a current member of the club', () => {
  it('given a member on the day, when they apply, then the loan is applied', () => {
    specWith(context()).given([]).when(apply('2025-01-06')).then(applied('2025-01-06'));
  });

  it('given the club, the member or (registered moments ago) their membership not replicated yet, then a conflict the client may retry', () => {
    specWith(context({ club: null })).given([]).when(apply('2025-01-06')).thenThrows(conflict(/club .* not known to microfinance yet.*retry/));
    specWith(context({ member: null })).given([]).when(apply('2025-01-06')).thenThrows(conflict(/member .* not known to microfinance yet.*retry/));
    const registeredMomentsAgo: KnownMember = { diedOn: null, memberships: [], awaitingMembership: true };
    specWith(context({ member: registeredMomentsAgo })).given([]).when(apply('2025-01-06')).thenThrows(conflict(/membership of member .* in club .* not known to microfinance yet.*retry/));
    specWith(context({ member: null })).given([applied('2025-01-06'), approved('2025-01-07')]).when(disburse('2025-01-08')).thenThrows(conflict(/retry/));
  });

  it('given a person who is not a member of this club on the day (left, in another club, dead), then a conflict naming memberId', () => {
    specWith(context()).given([]).when(apply('2025-08-01')).thenThrows(conflict(/not a member of club .* on 2025-08-01/, 'memberId'));
    specWith(context({ member: { ...member, diedOn: '2025-10-01' } }))
      .given([])
      .when(apply('2025-10-02'))
      .thenThrows(conflict(/not a member/, 'memberId'));
  });

  it('given an applied and approved loan, when the borrower has left the club by the disbursement, then it is refused', () => {
    const history = [applied('2025-06-01'), approved('2025-06-10')];
    specWith(context()).given(history).when(disburse('2025-07-01')).thenThrows(conflict(/not a member/, 'memberId'));
    specWith(context())
      .given(history)
      .when(disburse('2025-06-30'))
      .then(expect.objectContaining({ type: 'LoanDisbursed' }) as LoanEvent);
  });

  it('names a date outside the club’s lifetime together with the loan’s own invalid fields', () => {
    specWith(context()).given([]).when(apply('2021-05-31')).thenThrows(fields('appliedOn'));
    specWith(context()).given([]).when(apply('2026-01-01')).thenThrows(fields('appliedOn'));
    specWith(context()).given([]).when(apply('2021-05-31', { principalVnd: 0, purpose: '' })).thenThrows(fields('appliedOn', 'principalVnd', 'purpose'));
  });

  it('approval, repayments and write-offs follow the loan alone (the borrower may have left meanwhile)', () => {
    specWith(context({ member: null, club: null })).given([applied('2025-01-06')]).when({ type: 'ApproveLoan', loanId, approvedOn: '2025-08-01', today }).then(approved('2025-08-01'));
  });

  it('keeps the loan’s own conflicts: a second application of the same loan', () => {
    specWith(context()).given([applied('2025-01-06')]).when(apply('2025-01-06')).thenThrows(conflict(/already exists/));
  });
});
