/**
 * What ISHC.md calls configurable per plan, with its defaults written out here again from ISHC.md §4 and §6
 * (not imported from reporting, so a wrong default there shows as a disagreement), and how a plan's
 * `PUT /plans/{code}` body sets them.
 */
export interface RawRange {
  min: number;
  max: number;
}

export interface RawParameters {
  /** The plan's period (null without a plan: no new clubs, members_with_loan_pct over W). */
  period: { start: string; end: string } | null;
  elderlyAge: number;
  composition: { members: RawRange; womenPct: RawRange; olderPct: RawRange; youngPct: RawRange };
  trailingWindowMonths: number;
  wellManaged: { meetingsHeld: number; ofMonths: number; bothFunds: boolean; homeCareVolunteers: number; livelihoodVolunteers: number };
}

/** ISHC.md: older from 60; 50–70 members, 60–70% women, 60–70% older, 30–40% young; W = 12 months; meetings in 10 of 12 months, both funds, 5 + 5 volunteers. */
export const ISHC_DEFAULTS: RawParameters = {
  period: null,
  elderlyAge: 60,
  composition: { members: { min: 50, max: 70 }, womenPct: { min: 60, max: 70 }, olderPct: { min: 60, max: 70 }, youngPct: { min: 30, max: 40 } },
  trailingWindowMonths: 12,
  wellManaged: { meetingsHeld: 10, ofMonths: 12, bothFunds: true, homeCareVolunteers: 5, livelihoodVolunteers: 5 },
};

/** A plan as `PUT /plans/{code}` takes it (the settings part of the body). */
export interface RawPlan {
  start: string;
  end: string;
  elderlyAge?: number | null;
  settings?: {
    composition?: Partial<RawParameters['composition']>;
    trailingWindowMonths?: number;
    wellManaged?: Partial<RawParameters['wellManaged']>;
  };
}

export function parametersOf(plan?: RawPlan): RawParameters {
  if (!plan) return ISHC_DEFAULTS;
  return {
    period: { start: plan.start, end: plan.end },
    elderlyAge: plan.elderlyAge ?? ISHC_DEFAULTS.elderlyAge,
    composition: { ...ISHC_DEFAULTS.composition, ...plan.settings?.composition },
    trailingWindowMonths: plan.settings?.trailingWindowMonths ?? ISHC_DEFAULTS.trailingWindowMonths,
    wellManaged: { ...ISHC_DEFAULTS.wellManaged, ...plan.settings?.wellManaged },
  };
}
