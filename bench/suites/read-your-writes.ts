// 4. Write acknowledged → visible in reporting (GET /indicators?consistentWith=<token>) at a steady rate,
// over the embedded transport and over Kafka (the registry process's relay, reporting's consumer).
import { PostgresEventStore } from '@ishc/event-store';
import { getJson } from '../support/http';
import { openLoop } from '../support/load';
import { adminToken, preparePlatform, Transport } from '../support/platform';
import { Figure, SuiteResult } from '../support/results';
import { SeededRandom } from '../support/seeded-random';
import { elapsedMs, ratio, summarize } from '../support/stats';

export interface ReadYourWritesOptions {
  rates: number[];
  durationMs: number;
  /** At most this many writes a second are followed by a read (the reads are load too). */
  probesPerSecond: number;
}

const GOAL_P99_MS = 300;
const GOAL_RATE = 500;
/** Writes go to a commune the probe does not ask about, so the probe's indicator query stays the same size. */
const WRITTEN_COMMUNE = 'V86-TAPSON';
const PROBED_UNIT = 'V86-DAIAN';

export async function readYourWritesSuite(options: ReadYourWritesOptions, log: (line: string) => void): Promise<Omit<SuiteResult, 'elapsedS'>> {
  const figures: Figure[] = [];
  for (const transport of ['embedded', 'kafka'] as Transport[]) {
    const platform = await preparePlatform({ label: `ryw_${transport}`, transport, redis: true });
    try {
      // Registry runs for its relay (Kafka) and its reference data (the probed unit); reporting projects.
      await platform.start('registry');
      const reporting = await platform.start('reporting');
      const token = await adminToken();
      const pool = platform.databases.registry.pool(10);
      const store = new PostgresEventStore(pool);
      const indicators = `${reporting.url}/api/reporting/indicators?orgUnit=${PROBED_UNIT}&asOf=2025-12-31`;
      const random = new SeededRandom(4);
      // The reference data must have reached reporting before anything is timed.
      const first = await appendMember(store, random);
      await expectOk(await getJson(`${indicators}&consistentWith=${first}`, token));

      // Warm-up (not recorded): JIT, pools and caches of both processes, at the lowest rate.
      await openLoop(options.rates[0], Math.min(3_000, options.durationMs), async () => void (await appendMember(store, random)));
      await expectOk(await getJson(`${indicators}&consistentWith=${await appendMember(store, random)}`, token));

      for (const rate of options.rates) {
        const probeEvery = Math.max(1, Math.round(rate / options.probesPerSecond));
        const visible: number[] = [];
        const plain: number[] = [];
        const probes: Promise<void>[] = [];
        let probeErrors = 0;
        const probe = async (consistencyToken: string) => {
          const acknowledged = process.hrtime.bigint();
          const answer = await getJson(`${indicators}&consistentWith=${consistencyToken}`, token);
          // A 503 (not visible within reporting's 10 s) counts with the time it took: p99 stays honest.
          visible.push(elapsedMs(acknowledged));
          await expectOk(answer);
          // The same read without waiting: what the read itself costs at this moment.
          const t = process.hrtime.bigint();
          await expectOk(await getJson(indicators, token));
          plain.push(elapsedMs(t));
        };
        // The schedule paces the writes only; a probe runs beside them, so a slow read never slows the writes.
        const load = await openLoop(rate, options.durationMs, async (n) => {
          const consistencyToken = await appendMember(store, random);
          if (n % probeEvery === 0) probes.push(probe(consistencyToken).catch(() => void probeErrors++));
        });
        await Promise.all(probes);
        const v = summarize(visible);
        const b = summarize(plain);
        log(`${transport} ${rate}/s (writes achieved ${load.achievedPerSecond}/s, ${load.errors} write errors, ${probeErrors} of ${probes.length} probes failed): visible p50 ${v.p50Ms} p99 ${v.p99Ms} ms; plain read p50 ${b.p50Ms} p99 ${b.p99Ms} ms`);
        const details = { load, visible: v, plainRead: b, probeEvery, probes: probes.length, probeErrors };
        figures.push(
          {
            name: `${transport}: write → visible at ${rate} writes/s, p50`,
            unit: 'ms',
            value: v.p50Ms,
            baselineName: 'the same read without consistentWith, p50',
            baseline: b.p50Ms,
            ratio: ratio(v.p50Ms, b.p50Ms),
            details,
          },
          {
            name: `${transport}: write → visible at ${rate} writes/s, p99`,
            unit: 'ms',
            value: v.p99Ms,
            baselineName: 'the same read without consistentWith, p99',
            baseline: b.p99Ms,
            ratio: ratio(v.p99Ms, b.p99Ms),
            ...(rate === GOAL_RATE ? { goal: `p99 ≤ ${GOAL_P99_MS} ms at ${GOAL_RATE} writes/s`, goalMet: v.p99Ms <= GOAL_P99_MS && probeErrors === 0 && load.achievedPerSecond >= 0.95 * rate } : {}),
          },
        );
      }
    } finally {
      await platform.stop();
    }
  }
  return {
    suite: 'read-your-writes',
    figures,
    notes: [
      'A write is a MemberRegistered appended to the registry\'s event store by PostgresEventStore.append (one statement, autocommit) from this process on a fixed schedule (open loop; a slot is dropped while 50 writes are still waiting, reported as notStarted): the HTTP command path cannot offer these rates on this machine (see commands), and the transport and projection path is what this figure tracks. ' +
        'Its consistency token is registry:<transactionId>:<globalPosition>, as the registry answers.',
      `Acknowledged → visible: from the append returning to GET /api/reporting/indicators?orgUnit=${PROBED_UNIT}&consistentWith=<token> answering 200 (reporting waits until its projection applied that write, polling every 15 ms). At most ${options.probesPerSecond} writes a second are probed. ` +
        'Registry and reporting run as compiled processes in stack mode (Redis cache) with TRANSPORT=embedded, then TRANSPORT=kafka (relay in the registry process, 3 partitions).',
      'A probe answered 503 (not visible within reporting\'s 10 s wait) counts in the percentiles with the time it took and makes the goal missed. Baseline: right after each probe, the same GET without consistentWith (the read\'s own cost at that moment). The ratio is how much waiting for the write adds.',
    ],
  };
}

async function appendMember(store: PostgresEventStore, random: SeededRandom): Promise<string> {
  const memberId = random.uuid();
  const result = await store.append(
    `member-${memberId}`,
    'member',
    [
      {
        type: 'MemberRegistered',
        data: {
          memberId,
          sex: random.pick(['F', 'M']),
          birthYear: random.int(1935, 1970),
          ethnicMinority: random.chance(0.6),
          disadvantaged: [],
          communeCode: WRITTEN_COMMUNE,
          registeredOn: '2025-09-01',
          personal: { alg: 'A256GCM', iv: random.base64(12), tag: random.base64(16), ciphertext: random.base64(96) },
        },
        metadata: { actor: 'bench' },
      },
    ],
    { expectedVersion: 'no_stream' },
  );
  return `registry:${result.lastPosition.transactionId}:${result.lastPosition.globalPosition}`;
}

async function expectOk(answer: { status: number; body: unknown }): Promise<void> {
  if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
}
