import { IsoDate } from '@ishc/contracts';

/** An inclusive range (ISHC.md §6: "Ranges are inclusive"). */
export interface InclusiveRange {
  min: number;
  max: number;
}

/**
 * Everything ISHC.md calls configurable per plan, threaded through the pure indicator modules so no
 * threshold is a constant in code. Without a plan, the defaults of ISHC.md apply.
 */
export interface PlanParameters {
  /** The plan's period `[start, end]`: clubs established within it are new. Null when no plan is given. */
  period: { start: IsoDate; end: IsoDate } | null;
  /** Older = age ≥ elderlyAge (ISHC.md §4; default 60). */
  elderlyAge: number;
  /** The composition ranges: members per club, and the shares (in %) of women, older and young members. */
  composition: {
    members: InclusiveRange;
    womenPct: InclusiveRange;
    olderPct: InclusiveRange;
    youngPct: InclusiveRange;
  };
  /** The trailing window W: this many months ending on T (default 12). */
  trailingWindowMonths: number;
  /** "Well managed on T" (ISHC.md §6; the default there, configurable per plan). */
  wellManaged: {
    /** Monthly meetings held in at least `meetingsHeld` of the last `ofMonths` calendar months ending with T's month. */
    meetingsHeld: number;
    ofMonths: number;
    /** Both funds opened on or before T. */
    bothFunds: boolean;
    /** Members holding `home_care_volunteer` on T, at least. */
    homeCareVolunteers: number;
    /** Members holding `livelihood_volunteer` on T, at least. */
    livelihoodVolunteers: number;
  };
}

/** The defaults of ISHC.md §4 and §6. */
export const DEFAULT_PLAN_PARAMETERS: PlanParameters = {
  period: null,
  elderlyAge: 60,
  composition: {
    members: { min: 50, max: 70 },
    womenPct: { min: 60, max: 70 },
    olderPct: { min: 60, max: 70 },
    youngPct: { min: 30, max: 40 },
  },
  trailingWindowMonths: 12,
  wellManaged: { meetingsHeld: 10, ofMonths: 12, bothFunds: true, homeCareVolunteers: 5, livelihoodVolunteers: 5 },
};

/** What a plan may override; anything it leaves out keeps the default. */
export interface PlanParameterOverrides {
  period?: { start: IsoDate; end: IsoDate } | null;
  elderlyAge?: number | null;
  composition?: Partial<PlanParameters['composition']>;
  trailingWindowMonths?: number;
  wellManaged?: Partial<PlanParameters['wellManaged']>;
}

export function planParameters(overrides: PlanParameterOverrides = {}): PlanParameters {
  return {
    period: overrides.period ?? null,
    elderlyAge: overrides.elderlyAge ?? DEFAULT_PLAN_PARAMETERS.elderlyAge,
    composition: { ...DEFAULT_PLAN_PARAMETERS.composition, ...given(overrides.composition) },
    trailingWindowMonths: overrides.trailingWindowMonths ?? DEFAULT_PLAN_PARAMETERS.trailingWindowMonths,
    wellManaged: { ...DEFAULT_PLAN_PARAMETERS.wellManaged, ...given(overrides.wellManaged) },
  };
}

/** The keys actually given (an explicit undefined must not hide a default). */
function given<T extends object>(partial: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(partial ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export const isWithin = (x: number, range: InclusiveRange): boolean => range.min <= x && x <= range.max;
