import { isIsoDate, monthOf } from './iso-date';

describe('iso dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
  });

  it('gives the calendar month of a date', () => {
    expect(monthOf('2025-03-31')).toBe('2025-03');
  });
});
