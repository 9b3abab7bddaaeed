import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { AppendResult, Position, comparePositions } from '@ishc/event-store';

interface WriteScope {
  last: Position | null;
}

const storage = new AsyncLocalStorage<WriteScope>();

/**
 * What the current request has appended, so its answer can carry a consistency token. Handlers (or
 * the event-store adapter they call) report each append; the write interceptor opens one scope per
 * write request and turns the latest position into the `X-Consistency-Token` header.
 */
@Injectable()
export class WriteTracker {
  /** Runs `fn` in a fresh tracking scope (the write interceptor does this for each write request). */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return storage.run({ last: null }, fn);
  }

  /**
   * Records an append of this request; outside a tracked request (a job, a consumer) it does nothing.
   * Takes null too (decideAndAppend's `appended` when the command decided no events).
   */
  recordAppend(result: Pick<AppendResult, 'lastPosition'> | null): void {
    const scope = storage.getStore();
    if (!scope || result === null) return;
    if (scope.last === null || comparePositions(result.lastPosition, scope.last) > 0) scope.last = result.lastPosition;
  }

  /** The latest position appended in this request, if any. */
  get lastPosition(): Position | null {
    return storage.getStore()?.last ?? null;
  }
}
