/** ISHC.md §6: targets are `{indicator, op, value}`; a report shows value, target and whether it is met. */
export const TARGET_OPS = ['>=', '<=', '>', '<', '='] as const;
export type TargetOp = (typeof TARGET_OPS)[number];

export interface PlanTarget {
  indicator: string;
  op: TargetOp;
  value: number;
}

/** Whether a value meets a target. A value that cannot be computed (null: denominator 0) meets nothing. */
export function isMet(value: number | null, target: Pick<PlanTarget, 'op' | 'value'>): boolean {
  if (value === null) return false;
  switch (target.op) {
    case '>=':
      return value >= target.value;
    case '<=':
      return value <= target.value;
    case '>':
      return value > target.value;
    case '<':
      return value < target.value;
    case '=':
      return value === target.value;
  }
}

/** An indicator as reported: its value, and with a plan that targets it, the target and whether it is met. */
export interface ReportedIndicator {
  code: string;
  value: number | null;
  numerator: number;
  denominator: number | null;
  target?: { op: TargetOp; value: number };
  met?: boolean;
}

export function withTargets(
  values: ReadonlyArray<{ code: string; value: number | null; numerator: number; denominator: number | null }>,
  targets: readonly PlanTarget[],
): ReportedIndicator[] {
  const byIndicator = new Map(targets.map((t) => [t.indicator, t]));
  return values.map((v) => {
    const target = byIndicator.get(v.code);
    return target ? { ...v, target: { op: target.op, value: target.value }, met: isMet(v.value, target) } : { ...v };
  });
}
