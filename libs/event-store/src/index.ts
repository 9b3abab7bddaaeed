export * from './types';
export { migrateEventStore } from './schema/migrate-event-store';
export { PostgresEventStore } from './store/postgres-event-store';
export { BACKLOG_COUNT_CAP } from './store/postgres-event-store';
export type {
  AppendNewStreamsOptions,
  AppendOptions,
  AppendTiming,
  Backlog,
  NewStream,
  PostgresEventStoreOptions,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
} from './store/postgres-event-store';
export { positionOf } from './store/positions';
export { CheckpointStore } from './processing/checkpoint-store';
export { ProcessorLease } from './processing/processor-lease';
export type { ProcessorLeaseOptions } from './processing/processor-lease';
export { runProcessor } from './processing/run-processor';
export type { ProcessorEffect, RunningProcessor, RunProcessorOptions } from './processing/run-processor';
export type { RetryBackoff } from './processing/retry-backoff';
export { decideAndAppend } from './command/decide-and-append';
export type { Decider, DecideAndAppendOptions, DecideAndAppendResult } from './command/decide-and-append';
