// Numbers, money and dates as Vietnamese readers write them (vi-VN: 1.234,5; 30/06/2025), or in
// English (en-GB) when the page is switched to English.
import { IsoDate } from '../api/types';
import { Language } from './messages';

export type Unit = 'percent' | 'count' | 'vnd';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

export interface Formats {
  locale: string;
  number(value: number): string;
  indicator(value: number | null, unit: Unit): string;
  date(value: IsoDate): string;
  month(value: IsoDate): string;
}

export function formats(language: Language): Formats {
  const locale = LOCALES[language];
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const vnd = new Intl.NumberFormat(locale, { style: 'currency', currency: 'VND', maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const utc = (iso: IsoDate) => new Date(`${iso}T00:00:00Z`);
  return {
    locale,
    number: (value) => (Number.isInteger(value) ? integer.format(value) : decimal.format(value)),
    indicator(value, unit) {
      if (value === null) return '—';
      if (unit === 'percent') return `${percent.format(value)} %`;
      if (unit === 'vnd') return vnd.format(value);
      return integer.format(value);
    },
    date: (value) => date.format(utc(value)),
    month: (value) => month.format(utc(value)),
  };
}
