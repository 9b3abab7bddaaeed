// Two load shapes: closed loop (N workers, each sends its next request when the last one answered: the
// throughput at a concurrency) and open loop (requests started on a fixed schedule, whatever the answers:
// a steady offered rate, as for read-your-writes).
import { elapsedMs, LatencySummary, round, summarize } from './stats';

export interface LoadResult extends LatencySummary {
  /** Completed operations per second over the whole run. */
  perSecond: number;
  errors: number;
  firstError: string | null;
  elapsedS: number;
}

export interface ClosedLoopOptions {
  concurrency: number;
  durationMs: number;
  /** Stop earlier after this many operations (e.g. when the inputs run out). */
  maxOperations?: number;
}

/** `operation(n)` gets a run-wide sequence number; it throws to count an error. */
export async function closedLoop(options: ClosedLoopOptions, operation: (n: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const max = options.maxOperations ?? Number.POSITIVE_INFINITY;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + options.durationMs;
  const worker = async () => {
    while (Date.now() < deadline && next < max) {
      const n = next++;
      const t = process.hrtime.bigint();
      try {
        await operation(n);
        latencies.push(elapsedMs(t));
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedS = elapsedMs(started) / 1000;
  return { ...summarize(latencies), perSecond: round(latencies.length / elapsedS, 1), errors, firstError, elapsedS: round(elapsedS) };
}

export interface OpenLoopResult {
  offeredPerSecond: number;
  /** Operations that completed, per second of the schedule plus the drain. */
  achievedPerSecond: number;
  started: number;
  /** Scheduled but never started: `maxInFlight` operations were still waiting (the system did not keep up). */
  notStarted: number;
  errors: number;
  firstError: string | null;
}

/**
 * Starts `operation(n)` `ratePerSecond` times a second for `durationMs`, then waits for all to finish.
 * Timers on a busy loop fire late; slots then start in a burst, which keeps the offered rate right on average.
 */
export async function openLoop(ratePerSecond: number, durationMs: number, operation: (n: number) => Promise<void>, maxInFlight = 50): Promise<OpenLoopResult> {
  const total = Math.round((ratePerSecond * durationMs) / 1000);
  const intervalMs = 1000 / ratePerSecond;
  const inFlight: Promise<void>[] = [];
  let errors = 0;
  let completed = 0;
  let firstError: string | null = null;
  const started = process.hrtime.bigint();
  let issued = 0;
  let pending = 0;
  for (let n = 0; n < total; n++) {
    const due = n * intervalMs;
    const now = elapsedMs(started);
    // Behind schedule past the end: what could not be offered in time is not offered (counted as not started).
    if (now > durationMs) break;
    if (due > now + 1) await new Promise((resolve) => setTimeout(resolve, due - now));
    // The system is not keeping up: a slot whose predecessors still wait is dropped, not queued without
    // bound (that would only measure the queue); dropped slots are reported.
    if (pending >= maxInFlight) continue;
    issued++;
    pending++;
    inFlight.push(
      operation(n).then(
        () => {
          completed++;
          pending--;
        },
        (error: unknown) => {
          pending--;
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const elapsedS = elapsedMs(started) / 1000;
  return { offeredPerSecond: ratePerSecond, achievedPerSecond: round(completed / elapsedS, 1), started: issued, notStarted: total - issued, errors, firstError };
}
