import { formatScorecard } from './scorecard';

describe('the scorecard npm start prints', () => {
  it('lists targeted indicators first with value, target and the verdict in words, then the others', () => {
    const lines = formatScorecard({
      plan: 'TRACU-793-2021',
      asOf: '2025-12-31',
      scope: ['a', 'b', 'c', 'd', 'e', 'f'],
      indicators: [
        { code: 'clubs_active', value: 11, numerator: 11, denominator: null },
        { code: 'communes_with_club_pct', value: 100, target: { op: '>=', value: 100 }, met: true },
        { code: 'members_with_loan_pct', value: 12.345, target: { op: '>=', value: 50 }, met: false },
        { code: 'par30_pct', value: null },
      ],
    });
    expect(lines[0]).toBe('scorecard: plan TRACU-793-2021 as of 2025-12-31 over 6 communes — 1 of 2 targets met');
    expect(lines.slice(1)).toEqual([
      'indicator               value  target  met',
      '----------------------  -----  ------  -------',
      'communes_with_club_pct    100  >= 100  met',
      'members_with_loan_pct    12.3  >= 50   NOT met',
      'clubs_active               11',
      'par30_pct                   —',
    ]);
  });

  it('given the demo’s year (figures of a fresh npm start), then met and unmet targets side by side, and loans, care and management with figures', () => {
    const lines = formatScorecard({
      plan: 'TRACU-793-2021',
      asOf: '2025-12-31',
      scope: ['a', 'b', 'c', 'd', 'e', 'f'],
      indicators: [
        { code: 'clubs_full_activities_well_managed_pct', value: 72.727, target: { op: '>=', value: 70 }, met: true },
        { code: 'members_with_loan_pct', value: 28.253, target: { op: '>=', value: 50 }, met: false },
        { code: 'loans_outstanding_vnd', value: 101_000_141 },
        { code: 'par30_pct', value: 3.96 },
        { code: 'elderly_health_checked_pct', value: 63.27 },
        { code: 'home_care_beneficiaries', value: 42 },
      ],
    });
    expect(lines[0]).toMatch(/— 1 of 2 targets met$/);
    expect(lines.slice(3)).toEqual([
      'clubs_full_activities_well_managed_pct       72.7  >= 70   met',
      'members_with_loan_pct                        28.3  >= 50   NOT met',
      'loans_outstanding_vnd                   101000141',
      'par30_pct                                     4.0',
      'elderly_health_checked_pct                   63.3',
      'home_care_beneficiaries                        42',
    ]);
  });
});
