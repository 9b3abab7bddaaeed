import fc from 'fast-check';
import { applyRate, formatRatePct, parseRatePct } from './money';

describe('exact rates and VND rounding', () => {
  it('reads rates exactly from decimal strings and JSON numbers', () => {
    expect(parseRatePct('0.5')).toEqual({ units: 500_000n });
    expect(parseRatePct(0.5)).toEqual({ units: 500_000n });
    expect(parseRatePct(0.1)).toEqual({ units: 100_000n });
    expect(parseRatePct('0')).toEqual({ units: 0n });
    expect(parseRatePct('10.000')).toEqual({ units: 10_000_000n });
    expect(formatRatePct(parseRatePct('01.2500')!)).toBe('1.25');
    expect(formatRatePct(parseRatePct(0)!)).toBe('0');
  });

  it('refuses negative, exponent, NaN and over-precise rates', () => {
    for (const bad of ['-1', '1e-3', '', '.5', '0.5%', '0.0000001', 1e-7, Number.NaN, Infinity, -0.5]) expect(parseRatePct(bad)).toBeNull();
  });

  it('rounds interest half up to whole VND', () => {
    expect(applyRate(4_000_000, parseRatePct('0.5')!)).toBe(20_000);
    expect(applyRate(100, parseRatePct('0.5')!)).toBe(1); // 0.5 → 1
    expect(applyRate(99, parseRatePct('0.5')!)).toBe(0); // 0.495 → 0
    expect(applyRate(300, parseRatePct('0.5')!)).toBe(2); // 1.5 → 2
    expect(applyRate(1_234_567, parseRatePct('0.75')!)).toBe(9_259); // 9259.2525
    expect(applyRate(1_000_000, parseRatePct('0.333333')!)).toBe(3_333); // 3333.33
  });

  it('property: no float drift — the result is the exact rational rounded half up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (amount, units) => {
        const exact = BigInt(amount) * BigInt(units); // in 1e-8 VND
        const result = BigInt(applyRate(amount, { units: BigInt(units) }));
        // result − ½ ≤ exact/1e8 < result + ½
        expect(result * 200_000_000n - 100_000_000n <= exact * 2n).toBe(true);
        expect(exact * 2n < result * 200_000_000n + 100_000_000n).toBe(true);
      }),
    );
  });
});
