import { FundEvent } from '@ishc/contracts';
import { RuleViolation } from '@ishc/domain-kit';
import { DeciderSpecification } from '@ishc/testing';
import { evolveFund, initialFundState } from './fund';
import { decideFundPosting, fundCommandFor } from './loan-postings';

const spec = DeciderSpecification.for({ decide: decideFundPosting, evolve: evolveFund, initialState: initialFundState });

const clubId = '7d3c4a9e-8f7b-4c1e-9a55-0f0f8f1d2a10';
const loanId = '3b0f7a8e-6c1d-4d2a-9e3f-1a2b3c4d5e6f';
const today = '2026-11-30';
const disbursed = fundCommandFor(
  { type: 'LoanDisbursed', data: { loanId, clubId, memberId: 'm', principalVnd: 4_000_000, disbursedOn: '2025-01-15', schedule: [] } },
  today,
)!;
const openWith = (cashVnd: number): FundEvent[] => [
  { type: 'FundOpened', data: { clubId, kind: 'income', openedOn: '2025-01-02' } },
  { type: 'FundContributionReceived', data: { clubId, kind: 'income', amountVnd: cashVnd, source: 'vae', receivedOn: '2025-01-02' } },
];
const conflict = (pattern: RegExp) => (e: unknown) => e instanceof RuleViolation && e.kind === 'conflict' && pattern.test(e.message);

describe('a loan’s postings on the income fund', () => {
  it('given no open income fund, when a loan is disbursed, then a conflict (open the fund first), not an unknown resource', () => {
    spec.given([]).when(disbursed).thenThrows(conflict(/income fund is not open/));
  });

  it('given the cash, then the fund lends; given less, then a conflict naming what it holds', () => {
    spec
      .given(openWith(4_000_000))
      .when(disbursed)
      .then({ type: 'FundLoanDisbursed', data: { clubId, kind: 'income', loanId, amountVnd: 4_000_000, disbursedOn: '2025-01-15' } });
    spec.given(openWith(3_999_999)).when(disbursed).thenThrows(conflict(/holds 3999999 VND on 2025-01-15; it cannot lend 4000000 VND/));
  });

  it('asks nothing of the fund for an approval or the final LoanRepaid', () => {
    expect(fundCommandFor({ type: 'LoanApproved', data: { loanId, approvedOn: '2025-01-10' } }, today)).toBeNull();
    expect(fundCommandFor({ type: 'LoanRepaid', data: { loanId, clubId, repaidOn: '2025-02-10' } }, today)).toBeNull();
  });
});
