import { Clock } from './clock';

describe('Clock.today', () => {
  afterEach(() => jest.useRealTimers());

  it('given the last minute of a day in Vietnam (UTC+7), when the next minute starts, then today is the next day', () => {
    jest.useFakeTimers({ now: new Date('2025-06-30T16:59:30Z') });
    const clock = new Clock();
    expect(clock.today()).toBe('2025-06-30');
    jest.setSystemTime(new Date('2025-06-30T16:59:59.999Z'));
    expect(clock.today()).toBe('2025-06-30');
    jest.setSystemTime(new Date('2025-06-30T17:00:00Z'));
    expect(clock.today()).toBe('2025-07-01');
  });

  it('given a UTC date, when it is already the next day in Vietnam, then today is Vietnam’s date', () => {
    jest.useFakeTimers({ now: new Date('2025-12-31T20:00:00Z') });
    expect(new Clock().today()).toBe('2026-01-01');
  });
});
