import { comparePositions, Position } from '../types';

interface Waiter {
  target: Position;
  resolve(reached: boolean): void;
  timer: NodeJS.Timeout;
}

/** Promises that resolve when a processor's position reaches a target (read-your-writes for callers). */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  waitFor(current: Position, target: Position, timeoutMs: number): Promise<boolean> {
    if (comparePositions(current, target) >= 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        target,
        resolve,
        timer: setTimeout(() => this.settle(waiter, false), timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  reached(position: Position): void {
    for (const waiter of this.waiters) {
      if (comparePositions(position, waiter.target) >= 0) this.settle(waiter, true);
    }
  }

  /** A stopped processor will not get anywhere: answer everyone now rather than at their timeouts. */
  cancelAll(): void {
    for (const waiter of this.waiters) this.settle(waiter, false);
  }

  private settle(waiter: Waiter, reached: boolean): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(reached);
  }
}
