/** Small deterministic helpers of the district generator (dates as ISO strings, ids from the seed). */

/** mulberry32: a tiny deterministic generator, so a failing seed can be replayed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
export const later = (a: string, b: string): string => (a > b ? a : b);
export const earlier = (a: string, b: string): string => (a < b ? a : b);

/** `months` calendar months after `date`: the same day of the month, or the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The calendar months (`YYYY-MM`) from `from`'s month through `to`'s month. */
export function monthsFromTo(from: string, to: string): string[] {
  const index = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
  return Array.from({ length: Math.max(0, index(to) - index(from) + 1) }, (_, i) => {
    const k = index(from) + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/** The generator's draws, all from one seeded stream. */
export interface Draw {
  rnd: () => number;
  /** A day in `[from, to]`. */
  between(from: string, to: string): string;
  pick<T>(items: readonly T[]): T;
  /** A deterministic UUID-shaped id (the streams and projections expect UUIDs). */
  uuid(): string;
}

export function draws(seed: number): Draw {
  const rnd = random(seed);
  return {
    rnd,
    between: (from, to) => addDays(from, Math.floor(rnd() * (daysBetween(from, to) + 1))),
    pick: (items) => items[Math.floor(rnd() * items.length)],
    uuid: () => {
      const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16));
      hex[12] = '4';
      hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
      const s = hex.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}
