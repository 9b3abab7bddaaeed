import { NewEvent } from '../types';

/** `count` events of one type whose data records their order, so a test can check where each one went. */
export function numbered(count: number, type = 'Numbered', from = 1): NewEvent[] {
  return Array.from({ length: count }, (_, i) => ({ type, data: { n: from + i } }));
}
