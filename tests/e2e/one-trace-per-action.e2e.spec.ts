import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeWith } from '@ishc/testing';
import { apiClient } from './support/api-client';
import { defineOneCommune } from './support/org-units';
import { PlatformUnderTest, startPlatform } from './support/platform-under-test';

interface SpanLine {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: string | number;
  service: string;
}

function spansOf(file: string): SpanLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SpanLine);
}

describeWith(['postgres', 'kafka'], 'one club creation is one trace across processes (Kafka transport)', () => {
  let platform: PlatformUnderTest;
  const traceDir = mkdtempSync(path.join(tmpdir(), 'ishc-traces-'));
  beforeAll(async () => {
    // The file exporter writes each process's finished spans as JSON lines; every process gets its own file.
    platform = await startPlatform({
      services: ['registry', 'reporting'],
      transport: 'kafka',
      traceFile: (name) => path.join(traceDir, `${name}.jsonl`),
    });
  });
  afterAll(() => platform?.close());

  it('holds spans from the gateway, the registry, the relay and reporting', async () => {
    const api = apiClient(platform.gateway.url, await platform.token());
    await defineOneCommune(api);
    const created = await api.post<{ id: string }>('/api/registry/clubs', { name: 'CLB', communeCode: 'C1', establishedOn: '2024-01-01' });
    expect(created.status).toBe(201);
    const token = created.headers.get('x-consistency-token');
    expect((await api.get(`/api/reporting/indicators?orgUnit=T1&asOf=2024-06-30&consistentWith=${token}`)).status).toBe(200);
    // SIGTERM flushes what each process still holds.
    await platform.close();

    const spans = ['gateway', 'registry', 'reporting'].flatMap((name) => spansOf(path.join(traceDir, `${name}.jsonl`)));
    const clubPost = spans.find((s) => s.service === 'gateway' && /POST/.test(s.name) && spans.some((r) => r.traceId === s.traceId && /^send .*ishc\.registry\.events$/.test(r.name)));
    const trace = spans.filter((s) => s.traceId === clubPost?.traceId);
    const established = trace.filter((s) => s.service === 'registry');
    expect(clubPost).toBeDefined();
    expect(established.some((s) => /POST/.test(s.name))).toBe(true);
    expect(trace.some((s) => s.service === 'registry' && /^send .*ishc\.registry\.events$/.test(s.name))).toBe(true);
    expect(trace.some((s) => s.service === 'reporting' && /registry events/.test(s.name))).toBe(true);
    // Every span of the trace but its root has its parent in the trace: nothing dangles.
    const ids = new Set(trace.map((s) => s.spanId));
    expect(trace.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId))).toEqual([]);
  }, 60_000);
});
