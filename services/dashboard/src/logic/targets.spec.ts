import { meets, verdictOf } from './targets';

describe('dashboard target verdicts', () => {
  it.each([
    ['>=', 50, 50, true],
    ['>', 50, 50, false],
    ['<=', 5, 6, false],
    ['<', 5, 4, true],
    ['=', 100, 100, true],
  ] as const)('%s %d with %d → %s', (op, target, value, expected) => {
    expect(meets(value, { op, value: target })).toBe(expected);
  });

  it('prefers the verdict reporting gives, and says when there is no target or no value', () => {
    const base = { code: 'clubs_new', numerator: 3, denominator: null };
    expect(verdictOf({ ...base, value: 3, target: { op: '>=', value: 50 }, met: true })).toBe('met');
    expect(verdictOf({ ...base, value: 3, target: { op: '>=', value: 50 } })).toBe('not_met');
    expect(verdictOf({ ...base, value: null, target: { op: '>=', value: 50 } })).toBe('no_data');
    expect(verdictOf({ ...base, value: 3 })).toBe('no_target');
  });
});
