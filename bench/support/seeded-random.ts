// Deterministic generated data: every id, date and choice comes from one seeded generator — the demo's
// mulberry32 — so two runs with the same seed write byte-identical events (apart from store-assigned
// positions). The bench adds what its generated events need on top.
import { SeededRandom as Mulberry32 } from '../../tools/run/demo-data/seeded-random';

export class SeededRandom extends Mulberry32 {
  /** A version-4-shaped UUID made of generator output (deterministic, unlike crypto.randomUUID). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** Base64 of `bytes` generator bytes (stands in for ciphertext of the right size). */
  base64(bytes: number): string {
    return Buffer.from(Array.from({ length: bytes }, () => Math.floor(this.next() * 256))).toString('base64');
  }
}
