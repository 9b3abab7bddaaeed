/** What GET /indicators answers for one indicator, and how the cross-check writes a count or a percentage (ISHC.md §6). */
export interface Figure {
  value: number | null;
  numerator: number;
  denominator: number | null;
}

export const count = (n: number): Figure => ({ value: n, numerator: n, denominator: null });

/** 100 × numerator / denominator to two decimals (null when the denominator is 0). */
export const pct = (numerator: number, denominator: number): Figure => ({
  value: denominator === 0 ? null : Math.round((10_000 * numerator) / denominator) / 100,
  numerator,
  denominator,
});
