// 1. Command throughput and latency through the real services over HTTP, at concurrency 1, 8 and 32,
// against a raw single-row INSERT over a pool of the services' size (10) at the same concurrency.
import { Pool } from 'pg';
import { createDatabase } from '../support/databases';
import { expectStatus, postJson } from '../support/http';
import { closedLoop, ClosedLoopOptions, LoadResult } from '../support/load';
import { meterCpu } from '../support/process-cpu';
import { adminToken, preparePlatform } from '../support/platform';
import { Figure, SuiteResult } from '../support/results';
import { SeededRandom } from '../support/seeded-random';
import { ServiceProcess, profileWindow, startGateway } from '../support/service-process';
import { ratio, round } from '../support/stats';

export interface CommandsOptions {
  concurrencies: number[];
  durationMs: number;
  warmupMs: number;
}

/** Communes of the registry's built-in reference data valid today (after the 1 July 2025 reform). */
const COMMUNES = ['V86-TRACU', 'V86-DAIAN', 'V86-LNA', 'V86-HAMGIANG', 'V86-LONGHIEP', 'V86-TAPSON'];
const SERVICE_POOL_SIZE = 10;
const GOAL_RATE = 1000;
const GOAL_P99_MS = 50;

export async function commandsSuite(options: CommandsOptions, log: (line: string) => void): Promise<Omit<SuiteResult, 'elapsedS'>> {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const baselines = await insertBaselines(options, log);

  // Embedded transport: the write path alone (no relay publishing to Kafka on the same 2 cores).
  const platform = await preparePlatform({ label: 'cmd', transport: 'embedded' });
  try {
    const registry = await platform.start('registry');
    const microfinance = await platform.start('microfinance');
    // An experiment's switch: BENCH_VIA_GATEWAY=1 sends every command through the gateway (the public path,
    // one more hop), and meters the gateway's CPU with the service's.
    const gateway = process.env.BENCH_VIA_GATEWAY ? await startGateway({ registry: registry.url, microfinance: microfinance.url }) : null;
    const registryUrl = gateway?.url ?? registry.url;
    const microfinanceUrl = gateway?.url ?? microfinance.url;
    if (gateway) notes.push('BENCH_VIA_GATEWAY: through the gateway; process CPU is the service plus the gateway.');
    const token = await adminToken();
    const random = new SeededRandom(8);
    const api = `${registryUrl}/api/registry`;
    // The processes a command crosses: CPU metered and, with BENCH_CPU_PROF, profiled.
    const crossed = (service: ServiceProcess) => (gateway ? [service, gateway] : [service]);

    const memberIds: string[] = [];
    const registerMember = async () => {
      const answer = expectStatus(await postJson<{ id: string }>(`${api}/members`, token, memberBody(random)), 201);
      memberIds.push(answer.body.id);
    };
    await closedLoop({ concurrency: 8, durationMs: options.warmupMs }, registerMember);
    for (const c of options.concurrencies) {
      const result = await metered(crossed(registry), `members-c=${c}`, platform.databases.registry.name, { concurrency: c, durationMs: options.durationMs }, registerMember);
      log(`POST /members c=${c}: ${describe(result)}`);
      figures.push(...commandFigures('POST /members', c, result, baselines.get(c)));
    }

    const clubIds: string[] = [];
    for (let i = 0; i < 30; i++) {
      const club = expectStatus(
        await postJson<{ id: string }>(`${api}/clubs`, token, { name: `CLB bench ${i}`, communeCode: COMMUNES[i % COMMUNES.length], establishedOn: '2025-08-01' }),
        201,
      );
      clubIds.push(club.body.id);
    }
    // Each membership needs a member without one: the members registered above, in order.
    let nextMember = 0;
    const joined: Array<{ memberId: string; clubId: string }> = [];
    const joinClub = async () => {
      const memberId = memberIds[nextMember++];
      const clubId = clubIds[nextMember % clubIds.length];
      expectStatus(await postJson(`${api}/clubs/${clubId}/memberships`, token, { memberId, joinedOn: '2025-09-01', roles: ['member'] }), 201);
      joined.push({ memberId, clubId });
    };
    const warmupJoins = Math.min(200, Math.floor(memberIds.length / 10));
    await closedLoop({ concurrency: 8, durationMs: options.warmupMs, maxOperations: warmupJoins }, joinClub);
    for (const c of options.concurrencies) {
      const result = await metered(crossed(registry), `memberships-c=${c}`, platform.databases.registry.name, { concurrency: c, durationMs: options.durationMs, maxOperations: memberIds.length - nextMember }, joinClub);
      log(`POST /clubs/{id}/memberships c=${c}: ${describe(result)}`);
      figures.push(...commandFigures('POST /clubs/{id}/memberships', c, result, baselines.get(c)));
    }
    notes.push(
      `${memberIds.length} members registered and ${joined.length} memberships created over HTTP; each membership request was bounded by the members left, so a level may have run shorter than ${options.durationMs / 1000} s (see details.elapsedS).`,
    );

    // Loans: microfinance lends to current members only, as its replica of registry events knows them.
    const loanBorrowers = joined.slice();
    const replicaReady = await waitUntilLoanAccepted(`${microfinanceUrl}/api/microfinance/loans`, token, loanBorrowers);
    if (!replicaReady) {
      notes.push('POST /loans skipped: the microfinance replica did not know the memberships within 60 s.');
    } else {
      let nextLoan = 0;
      const applyForLoan = async () => {
        const borrower = loanBorrowers[nextLoan++ % loanBorrowers.length];
        expectStatus(await postJson(`${microfinanceUrl}/api/microfinance/loans`, token, loanBody(borrower)), 201);
      };
      await closedLoop({ concurrency: 8, durationMs: options.warmupMs }, applyForLoan);
      for (const c of options.concurrencies) {
        const result = await metered(crossed(microfinance), `loans-c=${c}`, platform.databases.microfinance.name, { concurrency: c, durationMs: options.durationMs }, applyForLoan);
        log(`POST /loans c=${c}: ${describe(result)}`);
        figures.push(...commandFigures('POST /loans', c, result, baselines.get(c)));
      }
    }
    await gateway?.stop();
  } finally {
    await platform.stop();
  }
  notes.push(
    'Through the compiled service processes (embedded transport, so no relay competes), HTTP/1.1 keep-alive from this process; the load generator shares the 2 cores with the service and PostgreSQL.',
    `Baseline: INSERT of one row (uuid, jsonb of the same body size) into a plain table with a primary key, autocommit, over a pg pool of ${SERVICE_POOL_SIZE} (the services' pool size), same concurrency and duration.`,
  );
  return { suite: 'commands', figures, notes };
}

async function waitUntilLoanAccepted(url: string, token: string, borrowers: Array<{ memberId: string; clubId: string }>): Promise<boolean> {
  const last = borrowers[borrowers.length - 1];
  if (!last) return false;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const answer = await postJson(url, token, loanBody(last));
    if (answer.status === 201) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

function loanBody(borrower: { memberId: string; clubId: string }) {
  return { clubId: borrower.clubId, memberId: borrower.memberId, principalVnd: 2_000_000, termMonths: 12, monthlyRatePct: '0.5', purpose: 'chăn nuôi', appliedOn: '2025-10-01' };
}

function memberBody(random: SeededRandom) {
  const sex = random.pick(['F', 'M'] as const);
  return {
    fullName: `${random.pick(['Nguyễn', 'Trần', 'Lê', 'Thạch', 'Kim', 'Sơn'])} Thị ${random.pick(['Lan', 'Hoa', 'Sang', 'Phol', 'Chanh', 'Mai'])} ${random.int(1, 99999)}`,
    sex,
    birthYear: random.int(1935, 1970),
    ethnicMinority: random.chance(0.6),
    disadvantaged: random.chance(0.3) ? ['poor'] : [],
    communeCode: random.pick(COMMUNES),
    phone: `09${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
    nationalId: String(random.int(100_000, 999_999)) + String(random.int(100_000, 999_999)),
  };
}

/** CPU per operation of the serving process and of its database's backends (independent of machine load). */
export type MeteredResult = LoadResult & { cpuMsPerOperation: { process: number; database: number } };

async function metered(
  processes: ServiceProcess[] | number,
  label: string,
  database: string,
  options: ClosedLoopOptions,
  operation: (n: number) => Promise<void>,
): Promise<MeteredResult> {
  const pids = typeof processes === 'number' ? [processes] : processes.map((p) => p.child.pid as number);
  const run = () => closedLoop(options, operation);
  const { result, processMs, databaseMs } = await meterCpu(pids, [database], () => (typeof processes === 'number' ? run() : profileWindow(processes, label, run)));
  const per = (ms: number) => (result.count > 0 ? round(ms / result.count, 3) : NaN);
  return { ...result, cpuMsPerOperation: { process: per(processMs), database: per(databaseMs) } };
}

function describe(r: LoadResult | MeteredResult): string {
  const cpu = 'cpuMsPerOperation' in r ? `; CPU/op ${r.cpuMsPerOperation.process} ms process + ${r.cpuMsPerOperation.database} ms PostgreSQL` : '';
  return `${r.perSecond}/s p50 ${r.p50Ms} ms p99 ${r.p99Ms} ms (${r.count} ok, ${r.errors} errors${r.firstError ? `: ${r.firstError}` : ''})${cpu}`;
}

function commandFigures(route: string, c: number, result: MeteredResult, baseline: MeteredResult | undefined): Figure[] {
  const meetsGoal = result.perSecond >= GOAL_RATE && result.p99Ms <= GOAL_P99_MS;
  const details = { ...result, baseline };
  return [
    {
      name: `${route} c=${c} throughput`,
      unit: 'commands/s',
      value: result.perSecond,
      baselineName: 'raw INSERT/s',
      baseline: baseline?.perSecond ?? null,
      ratio: ratio(result.perSecond, baseline?.perSecond ?? null),
      ...(c === 32 ? { goal: `≥ ${GOAL_RATE} commands/s at p99 ≤ ${GOAL_P99_MS} ms`, goalMet: meetsGoal } : {}),
      details,
    },
    { name: `${route} c=${c} p50`, unit: 'ms', value: result.p50Ms, baselineName: 'raw INSERT p50', baseline: baseline?.p50Ms ?? null, ratio: ratio(result.p50Ms, baseline?.p50Ms ?? null) },
    { name: `${route} c=${c} p99`, unit: 'ms', value: result.p99Ms, baselineName: 'raw INSERT p99', baseline: baseline?.p99Ms ?? null, ratio: ratio(result.p99Ms, baseline?.p99Ms ?? null) },
    {
      name: `${route} c=${c} CPU per command (service + PostgreSQL)`,
      unit: 'ms',
      value: round(result.cpuMsPerOperation.process + result.cpuMsPerOperation.database, 3),
      baselineName: 'CPU per raw INSERT (pg client + PostgreSQL)',
      baseline: baseline ? round(baseline.cpuMsPerOperation.process + baseline.cpuMsPerOperation.database, 3) : null,
      ratio: ratio(result.cpuMsPerOperation.process + result.cpuMsPerOperation.database, baseline ? baseline.cpuMsPerOperation.process + baseline.cpuMsPerOperation.database : null),
      details: { service: result.cpuMsPerOperation, baseline: baseline?.cpuMsPerOperation },
    },
  ];
}

async function insertBaselines(options: CommandsOptions, log: (line: string) => void): Promise<Map<number, MeteredResult>> {
  const db = await createDatabase('cmd_baseline');
  const pool: Pool = db.pool(SERVICE_POOL_SIZE);
  await pool.query('CREATE TABLE baseline_rows (id uuid PRIMARY KEY, data jsonb NOT NULL)');
  const random = new SeededRandom(80);
  const insert = async () => {
    await pool.query('INSERT INTO baseline_rows (id, data) VALUES ($1, $2)', [random.uuid(), JSON.stringify(memberBody(random))]);
  };
  const results = new Map<number, MeteredResult>();
  await closedLoop({ concurrency: 8, durationMs: options.warmupMs }, insert);
  for (const c of options.concurrencies) {
    const result = await metered(process.pid, `baseline-c=${c}`, db.name, { concurrency: c, durationMs: options.durationMs }, insert);
    log(`baseline INSERT c=${c}: ${describe(result)}`);
    results.set(c, result);
  }
  await pool.end();
  return results;
}
