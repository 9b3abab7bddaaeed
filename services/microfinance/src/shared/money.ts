// Money is integer VND. Interest rates are exact decimals: a monthly rate in percent is held as an integer
// count of RATE_SCALE-ths of a percent and all arithmetic on it is done with BigInt, so no float drift.

/** Fractional digits of a percentage that a rate may carry (0.000001 %). */
export const RATE_DECIMALS = 6;
const RATE_SCALE = 10n ** BigInt(RATE_DECIMALS);
/** Percent → fraction. */
const PERCENT = 100n;

/** A whole, non-negative, safe VND amount. */
export function isVnd(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function isPositiveVnd(value: unknown): value is number {
  return isVnd(value) && value > 0;
}

/** A rate in percent, exact: `units / 10^RATE_DECIMALS` percent. */
export interface ExactRatePct {
  readonly units: bigint;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Reads a monthly rate in percent from a decimal string ("0.5") or a JSON number (0.5, read by its
 * shortest decimal form, so 0.5 is exactly one half). Returns null when it is not a plain non-negative
 * decimal with at most RATE_DECIMALS fractional digits (exponents, signs, NaN are refused).
 */
export function parseRatePct(value: string | number): ExactRatePct | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const text = typeof value === 'number' ? String(value) : value;
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > RATE_DECIMALS) return null;
  return { units: BigInt(match[1]) * RATE_SCALE + BigInt(fraction.padEnd(RATE_DECIMALS, '0')) };
}

/** The canonical decimal string of a rate ("0.5", "0", "1.25"). */
export function formatRatePct(rate: ExactRatePct): string {
  const whole = rate.units / RATE_SCALE;
  const fraction = (rate.units % RATE_SCALE).toString().padStart(RATE_DECIMALS, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** Compares two rates: negative, zero or positive. */
export function compareRates(a: ExactRatePct, b: ExactRatePct): number {
  return a.units < b.units ? -1 : a.units > b.units ? 1 : 0;
}

/** `amountVnd × rate`, rounded half up to whole VND (amount ≥ 0). */
export function applyRate(amountVnd: number, rate: ExactRatePct): number {
  const denominator = RATE_SCALE * PERCENT;
  const numerator = BigInt(amountVnd) * rate.units;
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}
