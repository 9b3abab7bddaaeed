/**
 * A level-triggered wake-up: a notify that arrives while nobody waits is remembered, so an append that
 * commits while a processor is busy reading is not missed; `reset` right before each read.
 */
export class Wakeup {
  private pending = false;
  private waiter?: () => void;

  notify(): void {
    this.pending = true;
    this.waiter?.();
  }

  reset(): void {
    this.pending = false;
  }

  /** Resolves on notify, after `ms`, or when `signal` aborts, whichever comes first; never rejects. */
  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.pending || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiter = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.waiter = done;
    });
  }
}
