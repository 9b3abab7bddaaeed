// `npm run bench [-- --quick] [-- --only=commands,append,relay,ryw,rebuild]`: measures the platform on this
// machine against baselines measured in the same run, and writes bench/results/<date>.json and .md.
// Never part of `npm test`. Needs the local PostgreSQL, Redis and Kafka (started here when absent).
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { appendSuite, relaySuite } from './suites/append-relay';
import { commandsSuite } from './suites/commands';
import { readYourWritesSuite } from './suites/read-your-writes';
import { rebuildSuite } from './suites/rebuild';
import { dropAllDatabases, SERVER_URL } from './support/databases';
import { ensureKafka } from './support/kafka';
import { RunRecord, writeResults } from './support/report';
import { SuiteResult } from './support/results';
import { ROOT } from './support/service-process';
import { round } from './support/stats';

type Log = (line: string) => void;
type Suite = (quick: boolean, log: Log) => Promise<Omit<SuiteResult, 'elapsedS'>>;

const SUITES: Record<string, Suite> = {
  commands: (quick, log) => commandsSuite({ concurrencies: [1, 8, 32], durationMs: quick ? 3_000 : 10_000, warmupMs: quick ? 1_000 : 3_000 }, log),
  append: (quick, log) => appendSuite(appendOptions(quick), log),
  relay: (quick, log) => relaySuite(appendOptions(quick), log),
  ryw: (quick, log) => readYourWritesSuite({ rates: [200, 500, 1000], durationMs: quick ? 4_000 : 12_000, probesPerSecond: 10 }, log),
  rebuild: (quick, log) =>
    rebuildSuite(
      {
        size: quick ? { communes: 10, clubsPerCommune: 3, membersPerClub: 60, years: 5 } : { communes: 100, clubsPerCommune: 3, membersPerClub: 60, years: 2 },
        target: { clubs: 300, members: 18_000, events: 2_000_000 },
        coldQueries: quick ? 10 : 40,
        cachedQueries: quick ? 50 : 300,
      },
      log,
    ),
};

function appendOptions(quick: boolean) {
  return { events: quick ? 10_000 : 50_000, appendsPerTransaction: 500, writers: 2 };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
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
  const suites: SuiteResult[] = [];
  try {
    for (const name of chosen) {
      const started = Date.now();
      const log: Log = (line) => console.log(`[${name}] ${line}`);
      try {
        suites.push({ ...(await SUITES[name](quick, log)), elapsedS: round((Date.now() - started) / 1000, 1) });
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
    loadAverage: { atStart, atEnd: os.loadavg().map((l) => round(l)) },
    commit: gitCommit(),
    suites,
  };
  const written = writeResults(path.join(ROOT, 'bench', 'results'), run, only);
  console.log(`bench: wrote ${path.relative(ROOT, written.json)} and ${path.relative(ROOT, written.markdown)}`);
  if (suites.some((s) => s.error)) process.exitCode = 1;
}

async function postgresVersion(): Promise<string> {
  const client = new Client({ connectionString: SERVER_URL });
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
