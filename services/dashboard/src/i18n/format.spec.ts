import { formats } from './format';

// Node's ICU and the browser's agree on these; the browser tests check the page itself.
describe('dashboard formats', () => {
  it('writes numbers, money and dates the Vietnamese way by default', () => {
    const vi = formats('vi');
    expect(vi.indicator(1234567, 'count')).toBe('1.234.567');
    expect(vi.indicator(85.5, 'percent')).toBe('85,5 %');
    expect(vi.indicator(12_500_000, 'vnd')).toMatch(/^12\.500\.000\s₫$/);
    expect(vi.date('2025-06-30')).toBe('30/06/2025');
    expect(vi.indicator(null, 'percent')).toBe('—');
  });

  it('writes them the English way when switched', () => {
    const en = formats('en');
    expect(en.indicator(1234567, 'count')).toBe('1,234,567');
    expect(en.indicator(85.5, 'percent')).toBe('85.5 %');
    expect(en.date('2025-06-30')).toBe('30/06/2025');
  });
});
