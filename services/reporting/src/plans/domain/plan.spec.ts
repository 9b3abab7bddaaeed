import { RuleViolation, RuleViolations } from '@ishc/domain-kit';
import { DeciderSpecification } from '@ishc/testing';
import { DEFAULT_PLAN_PARAMETERS } from '../../indicators/domain/plan-parameters';
import { DefinePlan, PlanDefinedV1, decideDefinePlan, evolvePlan, initialPlanState, planParametersOf } from './plan';

const spec = DeciderSpecification.for({ decide: decideDefinePlan, evolve: evolvePlan, initialState: initialPlanState });

const district = { code: '849', validFrom: '1992-05-01', validTo: '2025-06-30' };
const plan: PlanDefinedV1 = {
  code: 'TRACU-793-2021',
  name: 'Trà Cú 2021–2025',
  orgUnitCode: '849',
  start: '2021-05-07',
  end: '2025-12-31',
  elderlyAge: null,
  settings: {},
  targets: [{ indicator: 'clubs_new', op: '>=', value: 50 }],
};
const define = (definition: PlanDefinedV1, unit: DefinePlan['unit'] = district): DefinePlan => ({ definition, unit });
const invalid = (field: string) => (e: unknown) =>
  (e instanceof RuleViolation && e.field === field) || (e instanceof RuleViolations && e.violations.some((v) => v.field === field));

describe('defining a plan', () => {
  it('given nothing, when a plan is defined on a known unit, then it is defined', () => {
    spec.given([]).when(define(plan)).then([{ type: 'PlanDefined', data: plan }]);
  });

  it('given the same definition (keys in another order), when defined again, then nothing happens (built-in plans on restart)', () => {
    const reordered = Object.fromEntries(Object.entries(plan).reverse()) as unknown as PlanDefinedV1;
    spec.given([{ type: 'PlanDefined', data: plan }]).when(define(reordered)).thenNothingHappened();
  });

  it('given a plan, when its targets change, then the new definition is recorded', () => {
    const changed = { ...plan, targets: [{ indicator: 'clubs_new', op: '>' as const, value: 60 }] };
    spec.given([{ type: 'PlanDefined', data: plan }]).when(define(changed)).then([{ type: 'PlanDefined', data: changed }]);
  });

  it('accepts a unit that ends within the period (the plan is then evaluated on its footprint)', () => {
    spec.given([]).when(define(plan, district)).then([{ type: 'PlanDefined', data: plan }]);
  });

  it('rejects an unknown unit, a unit not valid at any time in the period, and end before start', () => {
    spec.given([]).when(define(plan, null)).thenThrows(invalid('orgUnitCode'));
    spec.given([]).when(define({ ...plan, start: '2026-01-01', end: '2026-12-31' })).thenThrows(invalid('orgUnitCode'));
    spec.given([]).when(define({ ...plan, end: '2021-01-01' })).thenThrows(invalid('end'));
  });

  it('lists every broken rule at once', () => {
    spec
      .given([])
      .when(define({ ...plan, end: '2020-01-01' }, null))
      .thenThrows(RuleViolations, (e) => e.violations.map((v) => v.field).join() === 'end,orgUnitCode');
  });

  it('rejects a second target on the same indicator, a range with max below min, and more meetings than months', () => {
    const twice = { ...plan, targets: [...plan.targets, { indicator: 'clubs_new', op: '<=' as const, value: 80 }] };
    spec.given([]).when(define(twice)).thenThrows(invalid('targets.1.indicator'));
    spec
      .given([])
      .when(define({ ...plan, settings: { composition: { members: { min: 70, max: 50 } } } }))
      .thenThrows(invalid('settings.composition.members'));
    spec
      .given([])
      .when(define({ ...plan, settings: { wellManaged: { meetingsHeld: 13, ofMonths: 12 } } }))
      .thenThrows(invalid('settings.wellManaged.meetingsHeld'));
  });
});

describe('a plan’s parameters', () => {
  it('given no settings, then the defaults of ISHC.md with the plan’s period', () => {
    expect(planParametersOf(plan)).toEqual({ ...DEFAULT_PLAN_PARAMETERS, period: { start: '2021-05-07', end: '2025-12-31' } });
  });

  it('given elderlyAge 55 and some settings, then those replace the defaults and the rest stays', () => {
    const params = planParametersOf({
      ...plan,
      elderlyAge: 55,
      settings: { composition: { womenPct: { min: 50, max: 80 } }, trailingWindowMonths: 6, wellManaged: { homeCareVolunteers: 3 } },
    });
    expect(params.elderlyAge).toBe(55);
    expect(params.composition).toEqual({ ...DEFAULT_PLAN_PARAMETERS.composition, womenPct: { min: 50, max: 80 } });
    expect(params.trailingWindowMonths).toBe(6);
    expect(params.wellManaged).toEqual({ ...DEFAULT_PLAN_PARAMETERS.wellManaged, homeCareVolunteers: 3 });
  });
});
