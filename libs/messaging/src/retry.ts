// Bounded retries with exponential backoff, shared by the consumer (batches, then single messages).

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. */
  initialBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, initialBackoffMs: 200 };

const MAX_BACKOFF_MS = 30_000;

export function backoffMs(policy: RetryPolicy, failedAttempts: number): number {
  return Math.min(policy.initialBackoffMs * 2 ** Math.max(0, failedAttempts - 1), MAX_BACKOFF_MS);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
