import { isMet, withTargets } from './target';

describe('targets', () => {
  it.each([
    ['>=', 50, 50, true],
    ['>=', 49.99, 50, false],
    ['>', 3445, 3444, true],
    ['>', 3444, 3444, false],
    ['<=', 5, 5, true],
    ['<', 5, 5, false],
    ['<', 4, 5, true],
    ['=', 100, 100, true],
    ['=', 99.99, 100, false],
  ] as const)('given value %s %s target %s, then met is %s', (op, value, target, met) => {
    expect(isMet(value, { op, value: target })).toBe(met);
  });

  it('given a value that cannot be computed (null: denominator 0), then the target is not met', () => {
    expect(isMet(null, { op: '<=', value: 100 })).toBe(false);
  });

  it('adds target and met to the targeted indicators only, and leaves the others as they are', () => {
    const values = [
      { code: 'clubs_new', value: 52, numerator: 52, denominator: null },
      { code: 'clubs_active', value: 80, numerator: 80, denominator: null },
    ];
    expect(withTargets(values, [{ indicator: 'clubs_new', op: '>=', value: 50 }, { indicator: 'par30_pct', op: '<', value: 5 }])).toEqual([
      { code: 'clubs_new', value: 52, numerator: 52, denominator: null, target: { op: '>=', value: 50 }, met: true },
      { code: 'clubs_active', value: 80, numerator: 80, denominator: null },
    ]);
  });
});
