// What every suite reports: figures paired with the baseline measured in the same run, and the ratio.

export interface Figure {
  /** What was measured, e.g. "POST /members c=8". */
  name: string;
  unit: string;
  value: number | null;
  baselineName: string;
  baseline: number | null;
  /** value / baseline. */
  ratio: number | null;
  /** The issue-8 goal this figure answers, when there is one, and whether it was met. */
  goal?: string;
  goalMet?: boolean;
  details?: Record<string, unknown>;
}

export interface SuiteResult {
  suite: string;
  figures: Figure[];
  notes: string[];
  error?: string;
  elapsedS: number;
}
