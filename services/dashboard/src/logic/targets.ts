// Whether a value meets a plan's target. Reporting answers `met` itself; the dashboard only falls back to
// this when a row carries a target but no verdict (e.g. a breakdown row computed before targets existed).
import { IndicatorValue, Target } from '../api/types';

export type Verdict = 'met' | 'not_met' | 'no_data' | 'no_target';

export function meets(value: number, target: Target): boolean {
  switch (target.op) {
    case '>=':
      return value >= target.value;
    case '>':
      return value > target.value;
    case '<=':
      return value <= target.value;
    case '<':
      return value < target.value;
    case '=':
      return value === target.value;
  }
}

export function verdictOf(indicator: IndicatorValue): Verdict {
  if (!indicator.target) return 'no_target';
  if (typeof indicator.met === 'boolean') return indicator.met ? 'met' : 'not_met';
  if (indicator.value === null) return 'no_data';
  return meets(indicator.value, indicator.target) ? 'met' : 'not_met';
}
