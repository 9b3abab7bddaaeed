import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { PoolClient } from 'pg';
import { PostgresEventStore, ReadStreamResult } from '../store/postgres-event-store';
import { AppendResult, EventMetadata, ExpectedVersionConflictError } from '../types';

/** An aggregate's pure logic (DESIGN §3): fold events into state, decide a command's events. */
export interface Decider<State, Command, Event extends { type: string; data: unknown }> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

export interface DecideAndAppendOptions<State, Command, Event extends { type: string; data: unknown }> {
  streamId: string;
  streamType: string;
  decider: Decider<State, Command, Event>;
  /** Built from the state, so a retry after a concurrent change decides on fresh facts. */
  command: Command | ((state: State) => Command | Promise<Command>);
  /** The transaction to work in (the request's unit of work). */
  client: PoolClient;
  metadata?: Partial<EventMetadata>;
  /** Attempts when another writer appended to the stream meanwhile (default 3); then the conflict is thrown. */
  maxAttempts?: number;
  /**
   * The stream id was just made by this command (a fresh random id): the first attempt decides on the
   * initial state without reading the stream (one round trip less) and appends with `no_stream`. Should the
   * stream exist after all, that append conflicts and the next attempt reads it and decides again, so the
   * outcome is the same as with a read.
   */
  newStream?: boolean;
}

export interface DecideAndAppendResult<State, Event> {
  events: Event[];
  /** The state after the new events. */
  state: State;
  /** Null when the command decided nothing (nothing was appended). */
  appended: AppendResult | null;
  /** The stream's version before the command (null: the stream did not exist). */
  previousVersion: number | null;
}

/**
 * The write path of DESIGN §3 for one aggregate: load the stream, fold it, decide, append with the
 * expected version. A version conflict means a concurrent writer won; the command is decided again on
 * the fresh state, a bounded number of times. (The append reports conflicts as a result, not an SQL
 * error, so the surrounding transaction stays usable for the retry.)
 */
export async function decideAndAppend<State, Command, Event extends { type: string; data: unknown }>(
  store: PostgresEventStore,
  options: DecideAndAppendOptions<State, Command, Event>,
): Promise<DecideAndAppendResult<State, Event>> {
  // The command's span: load, decide and append (with its retries) under one INTERNAL span, so a trace
  // shows how long the rule took apart from the HTTP layer, and how many attempts a conflict cost.
  return trace.getTracer('@ishc/event-store').startActiveSpan(
    `command ${options.streamType}`,
    { kind: SpanKind.INTERNAL, attributes: { 'ishc.stream_type': options.streamType } },
    async (span) => {
      try {
        const result = await loadDecideAppend(store, options, (attempt) => span.setAttribute('ishc.command.attempts', attempt));
        span.setAttribute('ishc.event_count', result.events.length);
        if (result.events.length > 0) span.setAttribute('ishc.event_types', [...new Set(result.events.map((e) => e.type))]);
        return result;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : typeof error });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** What reading a stream that does not exist gives. */
const NO_STREAM_YET: ReadStreamResult = { version: null, streamType: null, events: [] };

async function loadDecideAppend<State, Command, Event extends { type: string; data: unknown }>(
  store: PostgresEventStore,
  options: DecideAndAppendOptions<State, Command, Event>,
  onAttempt: (attempt: number) => void,
): Promise<DecideAndAppendResult<State, Event>> {
  const { decider, client } = options;
  const maxAttempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    onAttempt(attempt);
    const stream = attempt === 1 && options.newStream ? NO_STREAM_YET : await store.readStream(options.streamId, { client });
    const state = stream.events.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as Event), decider.initialState());
    const command = typeof options.command === 'function' ? await (options.command as (s: State) => Command | Promise<Command>)(state) : options.command;
    const events = decider.decide(command, state);
    const after = events.reduce((s, e) => decider.evolve(s, e), state);
    if (events.length === 0) return { events, state: after, appended: null, previousVersion: stream.version };
    try {
      const appended = await store.append(
        options.streamId,
        options.streamType,
        events.map((e) => ({ type: e.type, data: e.data, metadata: options.metadata })),
        { expectedVersion: stream.version ?? 'no_stream', client },
      );
      return { events, state: after, appended, previousVersion: stream.version };
    } catch (error) {
      if (!(error instanceof ExpectedVersionConflictError) || attempt >= maxAttempts) throw error;
    }
  }
}
