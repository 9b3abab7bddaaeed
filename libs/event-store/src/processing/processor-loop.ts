import { positionOf } from '../store/positions';
import { Position, START } from '../types';
import { sleep } from './abortable-sleep';
import { subscribeToAppends } from './append-notifications';
import { CommitBatch } from './batch-commit';
import { CheckpointStore } from './checkpoint-store';
import { commitAfterExternalEffect } from './commit-after-external-effect';
import { commitInTargetTransaction } from './commit-in-target-transaction';
import { PositionWaiters } from './position-waiters';
import { ProcessorLease } from './processor-lease';
import { backoffMs } from './retry-backoff';
import type { RunningProcessor, RunProcessorOptions } from './run-processor';
import { Wakeup } from './wakeup';

type LoopOptions = RunProcessorOptions & Required<Pick<RunProcessorOptions, 'partition' | 'batchSize' | 'idleWaitMs' | 'lease'>>;

export class ProcessorLoop implements RunningProcessor {
  readonly done: Promise<void>;
  private readonly stopping = new AbortController();
  private readonly wakeup = new Wakeup();
  private readonly waiters = new PositionWaiters();
  private readonly checkpoints = new CheckpointStore();
  private readonly commitBatch: CommitBatch;
  private current: Position = START;
  private lease?: ProcessorLease;

  constructor(private readonly options: LoopOptions) {
    const key = { target: options.target, processorId: options.processorId, partition: options.partition };
    this.commitBatch = options.effect === 'external-at-least-once' ? commitAfterExternalEffect(key, options.handle) : commitInTargetTransaction(key, options.handle);
    const unsubscribe = subscribeToAppends(options.source.pool, () => this.wakeup.notify());
    this.done = this.run().finally(async () => {
      unsubscribe();
      await this.dropLease();
      this.waiters.cancelAll();
    });
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.done;
  }

  position(): Position {
    return this.current;
  }

  waitUntil(p: Position, timeoutMs: number): Promise<boolean> {
    return this.waiters.waitFor(this.current, p, timeoutMs);
  }

  private async run(): Promise<void> {
    const { signal } = this.stopping;
    const { source, batchSize, idleWaitMs } = this.options;
    // Undefined whenever the stored checkpoint may differ from what this instance last wrote.
    let checkpoint: Position | undefined;
    let attempt = 0;
    while (!signal.aborted) {
      try {
        if (this.options.lease && !this.lease?.isHeld()) {
          await this.dropLease();
          checkpoint = undefined;
          this.lease = await ProcessorLease.acquire(this.options.target, this.leaseId(), { signal, leaseMs: this.options.leaseMs });
        }
        checkpoint ??= await this.readCheckpoint();
        this.wakeup.reset();
        const events = await source.readAll({ after: checkpoint, limit: batchSize });
        if (events.length === 0) {
          await this.wakeup.wait(idleWaitMs, signal);
          continue;
        }
        const next = positionOf(events[events.length - 1]);
        const outcome = await this.commitBatch({ events, expected: checkpoint, next, lease: this.lease });
        if (!outcome.commit) {
          checkpoint = undefined;
          if (outcome.reason === 'lease-lost') await this.dropLease();
          continue;
        }
        checkpoint = next;
        this.advance(next);
        attempt = 0;
        this.options.onBatch?.(events, next);
      } catch (err) {
        if (signal.aborted) break;
        // The failure may have hit after a commit (a lost connection during COMMIT): trust only the database.
        checkpoint = undefined;
        attempt += 1;
        this.reportError(err, attempt);
        await sleep(backoffMs(attempt, this.options.retry), signal).catch(() => undefined);
      }
    }
  }

  private async readCheckpoint(): Promise<Position> {
    const position = await this.checkpoints.read(this.options.target, this.options.processorId, this.options.partition);
    this.advance(position);
    return position;
  }

  private advance(position: Position): void {
    this.current = position;
    this.waiters.reached(position);
  }

  private async dropLease(): Promise<void> {
    const lease = this.lease;
    this.lease = undefined;
    await lease?.release();
  }

  private leaseId(): string {
    const { processorId, partition } = this.options;
    return partition === 'all' ? processorId : `${processorId}/${partition}`;
  }

  private reportError(err: unknown, attempt: number): void {
    const { onError, processorId } = this.options;
    const warn = (what: unknown) => process.emitWarning(`processor ${processorId}: attempt ${attempt} failed: ${what instanceof Error ? what.message : String(what)}`);
    if (!onError) return warn(err);
    try {
      onError(err, attempt);
    } catch (callbackError) {
      // A broken error callback must not take the loop down with it, nor hide the original failure.
      warn(err);
      warn(callbackError);
    }
  }
}
