import fc from 'fast-check';
import { addDays, addMonths, daysBetween, daysInMonth, isIsoDate } from './iso-date';

describe('calendar dates', () => {
  it('adds months keeping the day, or the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 2)).toBe('2025-03-31');
    expect(addMonths('2025-01-31', 3)).toBe('2025-04-30');
    expect(addMonths('2025-01-15', 10)).toBe('2025-11-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('counts days between dates across months and leap years', () => {
    expect(daysBetween('2025-01-15', '2025-03-01')).toBe(45);
    expect(daysBetween('2025-02-15', '2025-03-18')).toBe(31);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-01-15')).toBe(-45);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
    expect(() => addMonths('31/01/2025', 1)).toThrow(RangeError);
  });

  const dates = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('property: a month later is 28–31 days later and keeps the day unless the month is shorter', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 240 }), (date, months) => {
        const later = addMonths(date, months);
        expect(isIsoDate(later)).toBe(true);
        const day = Number(date.slice(8));
        const [y, m] = [Number(later.slice(0, 4)), Number(later.slice(5, 7))];
        expect(Number(later.slice(8))).toBe(Math.min(day, daysInMonth(y, m)));
        if (months === 1) expect(daysBetween(date, later)).toBeGreaterThanOrEqual(28);
        if (months === 1) expect(daysBetween(date, later)).toBeLessThanOrEqual(31);
      }),
    );
  });

  it('property: addDays and daysBetween agree', () => {
    fc.assert(fc.property(dates, fc.integer({ min: -5000, max: 5000 }), (date, days) => expect(daysBetween(date, addDays(date, days))).toBe(days)));
  });
});
