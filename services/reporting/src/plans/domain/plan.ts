import { IsoDate } from '@ishc/contracts';
import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { InclusiveRange, PlanParameters, planParameters } from '../../indicators/domain/plan-parameters';
import { PlanTarget } from './target';

/** The plan's own settings of what ISHC.md calls configurable (anything left out keeps the default). */
export interface PlanSettingsV1 {
  composition?: { members?: InclusiveRange; womenPct?: InclusiveRange; olderPct?: InclusiveRange; youngPct?: InclusiveRange };
  trailingWindowMonths?: number;
  wellManaged?: { meetingsHeld?: number; ofMonths?: number; bothFunds?: boolean; homeCareVolunteers?: number; livelihoodVolunteers?: number };
}

/** A plan as defined (`PUT /plans/{code}`): reporting's own data, event-sourced in its own store. */
export interface PlanDefinedV1 {
  code: string;
  name: string;
  orgUnitCode: string;
  start: IsoDate;
  end: IsoDate;
  elderlyAge: number | null;
  settings: PlanSettingsV1;
  targets: PlanTarget[];
}

export type PlanEvent = { type: 'PlanDefined'; data: PlanDefinedV1 };

export const PLAN_STREAM = 'plan';
export const planStreamId = (code: string): string => `plan-${code}`;

export interface PlanState {
  definition: PlanDefinedV1 | null;
}

export const initialPlanState = (): PlanState => ({ definition: null });

export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  switch (event.type) {
    case 'PlanDefined':
      return { definition: event.data };
  }
}

/** The plan's unit as reporting knows it (null: unknown code). */
export type PlanUnitFacts = { code: string; validFrom: IsoDate; validTo: IsoDate | null } | null;

export interface DefinePlan {
  definition: PlanDefinedV1;
  unit: PlanUnitFacts;
}

/**
 * PUT semantics: the first definition creates the plan, a different one replaces it, an identical one
 * changes nothing (so the built-in plans are defined again on every start without a new event).
 * Every broken rule is reported at once.
 */
export function decideDefinePlan(command: DefinePlan, state: PlanState): PlanEvent[] {
  const { definition, unit } = command;
  const violations: RuleViolation[] = [];
  if (definition.end < definition.start) violations.push(new RuleViolation('invalid', 'end', 'must not be before start'));
  if (unit === null) violations.push(new RuleViolation('invalid', 'orgUnitCode', `unknown org unit ${definition.orgUnitCode}`));
  else if (unit.validFrom > definition.end || (unit.validTo !== null && unit.validTo < definition.start)) {
    // A unit that ends within the period is fine: the plan is then evaluated on its footprint (ISHC.md §3).
    violations.push(new RuleViolation('invalid', 'orgUnitCode', `${unit.code} is not valid at any time within the plan's period`));
  }
  // A report shows one target per indicator (API.md: `target?: {op, value}`).
  const seen = new Set<string>();
  definition.targets.forEach((t, i) => {
    if (seen.has(t.indicator)) violations.push(new RuleViolation('invalid', `targets.${i}.indicator`, `a second target on ${t.indicator}`));
    seen.add(t.indicator);
  });
  for (const [name, range] of Object.entries(definition.settings.composition ?? {})) {
    if (range && range.max < range.min) violations.push(new RuleViolation('invalid', `settings.composition.${name}`, 'max must not be below min'));
  }
  const wm = definition.settings.wellManaged;
  if (wm?.meetingsHeld !== undefined && wm.ofMonths !== undefined && wm.meetingsHeld > wm.ofMonths) {
    violations.push(new RuleViolation('invalid', 'settings.wellManaged.meetingsHeld', 'must not exceed ofMonths'));
  }
  if (violations.length === 1) throw violations[0];
  if (violations.length > 1) throw new RuleViolations(violations);
  if (state.definition && sameDefinition(state.definition, definition)) return [];
  return [{ type: 'PlanDefined', data: definition }];
}

function sameDefinition(a: PlanDefinedV1, b: PlanDefinedV1): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Key order does not make two definitions different. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The parameters the indicator modules take, from the plan (the defaults of ISHC.md where it gives none). */
export function planParametersOf(plan: PlanDefinedV1): PlanParameters {
  return planParameters({
    period: { start: plan.start, end: plan.end },
    elderlyAge: plan.elderlyAge,
    composition: plan.settings.composition,
    trailingWindowMonths: plan.settings.trailingWindowMonths,
    wellManaged: plan.settings.wellManaged,
  });
}
