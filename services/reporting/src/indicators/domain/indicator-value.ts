import { IndicatorCode } from '@ishc/contracts';

/** One computed indicator. For a percentage, value = 100 × numerator / denominator (null when 0). */
export interface IndicatorValue {
  code: IndicatorCode;
  value: number | null;
  numerator: number;
  denominator: number | null;
}

export function percentage(code: IndicatorCode, numerator: number, denominator: number): IndicatorValue {
  return { code, numerator, denominator, value: denominator === 0 ? null : roundTo((100 * numerator) / denominator, 2) };
}

export function count(code: IndicatorCode, value: number): IndicatorValue {
  return { code, numerator: value, denominator: null, value };
}

function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
