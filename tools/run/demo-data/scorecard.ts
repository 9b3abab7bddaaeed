// `npm start` ends by printing the Trà Cú plan's scorecard as of 2025-12-31 (issue 6): after the 2025 reform
// district 849 has ended, so the plan is evaluated on its footprint — the same figures the dashboard shows.
import type { GatewayWriter } from './gateway-writer';

export const SCORECARD_AS_OF = '2025-12-31';

export interface ScorecardIndicator {
  code: string;
  value: number | null;
  numerator?: number;
  denominator?: number | null;
  target?: { op: string; value: number };
  met?: boolean;
}

export interface ScorecardAnswer {
  plan: string | null;
  asOf: string;
  scope: string[];
  indicators: ScorecardIndicator[];
}

/** The plan reporting holds for `orgUnit`, read as of `asOf`, or undefined when there is none. */
export async function readScorecard(writer: GatewayWriter, orgUnit: string, asOf = SCORECARD_AS_OF): Promise<ScorecardAnswer | undefined> {
  const plans = await writer.getOptional<Array<{ code: string; orgUnitCode: string }>>('/api/reporting/plans');
  const plan = plans?.find((p) => p.orgUnitCode === orgUnit);
  if (!plan) return undefined;
  const consistentWith = writer.consistencyTokens();
  const query = `plan=${encodeURIComponent(plan.code)}&asOf=${asOf}${consistentWith ? `&consistentWith=${encodeURIComponent(consistentWith)}` : ''}`;
  return writer.get<ScorecardAnswer>(`/api/reporting/indicators?${query}`);
}

/** A plain-text table: the plan's targeted indicators first (value, target, met in words), then the rest. */
export function formatScorecard(answer: ScorecardAnswer): string[] {
  const targeted = answer.indicators.filter((i) => i.target);
  const rows = [...targeted, ...answer.indicators.filter((i) => !i.target)].map((i) => [
    i.code,
    formatValue(i.value),
    i.target ? `${i.target.op} ${i.target.value}` : '',
    i.target ? (i.met ? 'met' : 'NOT met') : '',
  ]);
  const header = ['indicator', 'value', 'target', 'met'];
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => r[col].length)));
  const line = (cells: string[]) => cells.map((c, col) => (col === 1 ? c.padStart(widths[col]) : c.padEnd(widths[col]))).join('  ').trimEnd();
  const met = targeted.filter((i) => i.met).length;
  return [
    `scorecard: plan ${answer.plan} as of ${answer.asOf} over ${answer.scope.length} communes — ${met} of ${targeted.length} targets met`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ];
}

function formatValue(value: number | null): string {
  if (value === null) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
