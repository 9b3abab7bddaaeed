import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemoryTracer, installInMemoryTracer } from '@ishc/observability';
import { decideAndAppend } from '../command/decide-and-append';
import { createEventStoreDatabase } from '../spec-support/event-store-database';
import { numbered } from '../spec-support/sample-events';
import { describeWith, TestDatabase } from '../spec-support/test-fixtures';
import { ExpectedVersionConflictError, START } from '../types';
import { AppendTiming, PostgresEventStore } from './postgres-event-store';

describeWith(['postgres'], 'event store instrumentation (spans, append timing, backlog)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let tracer: InMemoryTracer;
  const timings: AppendTiming[] = [];

  beforeAll(async () => {
    db = await createEventStoreDatabase('es_instr');
    store = new PostgresEventStore(db.pool, { onAppended: (_result, timing) => timings.push(timing) });
  });
  afterAll(() => db.drop());
  beforeEach(() => {
    tracer = installInMemoryTracer();
    timings.length = 0;
  });
  afterEach(() => tracer.uninstall());

  it('makes each append a database CLIENT span with semconv attributes and no stream id, and reports its duration', async () => {
    await store.append('member-secret-1', 'Member', numbered(2), { expectedVersion: 'no_stream' });
    await expect(store.append('member-secret-1', 'Member', numbered(1), { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(ExpectedVersionConflictError);

    const [ok, conflict] = tracer.exporter.getFinishedSpans();
    expect(ok.name).toBe('ishc_append_events events');
    expect(ok.kind).toBe(SpanKind.CLIENT);
    expect(ok.attributes).toEqual({
      'db.system.name': 'postgresql',
      'db.operation.name': 'ishc_append_events',
      'db.collection.name': 'events',
      'ishc.stream_type': 'Member',
      'ishc.event_count': 2,
    });
    expect(conflict.status.code).toBe(SpanStatusCode.ERROR);
    expect(conflict.attributes['error.type']).toBe('ExpectedVersionConflict');
    expect(JSON.stringify(tracer.exporter.getFinishedSpans().map((s) => s.attributes))).not.toContain('member-secret-1');
    // Only the successful append is timed.
    expect(timings).toHaveLength(1);
    expect(timings[0].streamType).toBe('Member');
    expect(timings[0].durationSeconds).toBeGreaterThan(0);
  });

  it('wraps decide-and-append in a command span holding the append span, with the attempts it took', async () => {
    const client = await db.pool.connect();
    try {
      await decideAndAppend(store, {
        streamId: 'counter-1',
        streamType: 'Counter',
        client,
        decider: { initialState: () => 0, evolve: (n: number) => n + 1, decide: () => [{ type: 'Counted', data: {} }] },
        command: {},
      });
    } finally {
      client.release();
    }
    const spans = tracer.exporter.getFinishedSpans();
    const command = spans.find((s) => s.name === 'command Counter');
    const append = spans.find((s) => s.name === 'ishc_append_events events');
    expect(command?.attributes).toMatchObject({ 'ishc.stream_type': 'Counter', 'ishc.command.attempts': 1, 'ishc.event_count': 1, 'ishc.event_types': ['Counted'] });
    expect(append?.parentSpanContext?.spanId).toBe(command?.spanContext().spanId);
  });

  it('tells the backlog after a position: how many events and how old the oldest', async () => {
    // From the last append's position, not headPosition(): an open transaction elsewhere in the cluster
    // holds the readable head back, and that backlog is exactly what this measures.
    const first = await store.append('backlog-1', 'Backlog', numbered(1), { expectedVersion: 'no_stream' });
    expect(await store.backlogAfter(first.lastPosition)).toEqual({ events: 0, oldestRecordedAt: null });
    const more = await store.append('backlog-1', 'Backlog', numbered(3, 'Backlog', 2), { expectedVersion: 1 });
    const backlog = await store.backlogAfter(first.lastPosition);
    expect(backlog.events).toBe(3);
    expect(backlog.oldestRecordedAt?.toISOString()).toBe(more.events[0].recordedAt);
    expect((await store.backlogAfter(more.lastPosition)).events).toBe(0);
    expect((await store.backlogAfter(START)).events).toBeGreaterThanOrEqual(3);
  });
});
