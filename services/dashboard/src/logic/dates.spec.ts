import { isIsoDate, monthEnd, monthlyDates } from './dates';

describe('dashboard dates', () => {
  it('gives month ends, leap years included', () => {
    expect(monthEnd('2025-06-30', 0)).toBe('2025-06-30');
    expect(monthEnd('2025-06-15', 1)).toBe('2025-05-31');
    expect(monthEnd('2024-03-10', 1)).toBe('2024-02-29');
    expect(monthEnd('2025-01-31', 1)).toBe('2024-12-31');
  });

  it('makes a 12-point monthly series ending on the as-of date', () => {
    const dates = monthlyDates('2025-06-20');
    expect(dates).toHaveLength(12);
    expect(dates[0]).toBe('2024-07-31');
    expect(dates[10]).toBe('2025-05-31');
    expect(dates[11]).toBe('2025-06-20');
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-2-1')).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});
