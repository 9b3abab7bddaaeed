export interface RetryBackoff {
  /** Wait before the first retry; default 100 ms. */
  initialMs?: number;
  /** The cap the doubling stops at; default 30 s. */
  maxMs?: number;
}

/** Bounded exponential backoff: initial, 2×, 4× … up to max, so a failing batch never spins or stops. */
export function backoffMs(attempt: number, backoff: RetryBackoff = {}): number {
  const initial = backoff.initialMs ?? 100;
  const max = backoff.maxMs ?? 30_000;
  return Math.min(max, initial * 2 ** Math.min(attempt - 1, 30));
}
