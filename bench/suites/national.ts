// 7. Indicator query p50/p99 at national scale (10,000 clubs, 600,000 members): cold (a cache miss) and
// cached, in stack mode (Redis cache) and embedded mode (memory cache), over a read model filled by SQL.
import { distinctDays, measureIndicatorQueries, peakRssMb } from '../support/indicator-queries';
import { fillNational, NATIONAL_CODE, NationalSize } from '../support/national';
import { adminToken, preparePlatform } from '../support/platform';
import { ServiceProcess } from '../support/service-process';
import { Figure, SuiteResult } from '../support/results';
import { elapsedMs, round } from '../support/stats';

export interface NationalOptions {
  /** Fraction of issue 8's national scale (10,000 clubs; provinces in proportion, at least one). */
  scale: number;
  coldQueries: number;
  cachedQueries: number;
}

/** Issue 8's national scale: 63 provinces × 10 districts × 6 communes = 3,780 communes, 10,000 clubs of 60 members. */
export const FULL_NATIONAL: NationalSize = { provinces: 63, districtsPerProvince: 10, communesPerDistrict: 6, clubs: 10_000, membersPerClub: 60 };
const COLD_GOAL_MS = 500;

export async function nationalSuite(options: NationalOptions, log: (line: string) => void): Promise<Omit<SuiteResult, 'elapsedS'>> {
  const platform = await preparePlatform({ label: 'national', transport: 'embedded', redis: true, referenceData: false });
  const figures: Figure[] = [];
  const notes: string[] = [];
  const errors: string[] = [];
  const size: NationalSize = { ...FULL_NATIONAL, provinces: Math.max(1, Math.round(FULL_NATIONAL.provinces * options.scale)), clubs: Math.round(FULL_NATIONAL.clubs * options.scale) };
  try {
    // Reporting creates its schema on start; its consumer then follows three empty stores.
    const reporting = await platform.start('reporting');
    const t0 = process.hrtime.bigint();
    const rows = await fillNational(platform.databases.reporting.pool(1), size, log);
    const fillS = round(elapsedMs(t0) / 1000);
    log(`national read model filled in ${fillS} s: ${JSON.stringify(rows)}`);
    const token = await adminToken();
    const measure = async (proc: ServiceProcess, mode: 'stack' | 'embedded', firstDay: string, coldQueries: number) => {
      const measured = await measureIndicatorQueries(
        {
          reportingUrl: proc.url,
          token,
          orgUnit: NATIONAL_CODE,
          coldAsOf: distinctDays(firstDay, coldQueries),
          cachedAsOf: '2025-12-31',
          cachedQueries: options.cachedQueries,
          label: `national, ${mode === 'stack' ? 'stack mode (Redis cache)' : 'embedded mode (memory cache)'}`,
          coldGoalMs: COLD_GOAL_MS,
          coldTimeoutMs: 600_000,
        },
        log,
      ).catch((error: Error) => {
        // At national scale the process may die (memory): say how, with its last words.
        const exit = proc.child.exitCode !== null || proc.child.signalCode !== null ? ` (reporting exited: code ${proc.child.exitCode}, signal ${proc.child.signalCode})` : '';
        throw new Error(`${mode} mode: ${error.message}${exit}; reporting's last output: ${proc.output().slice(-1_500)}`);
      });
      const peak = peakRssMb(proc.child.pid);
      log(`reporting's peak resident memory (${mode} mode): ${peak} MB`);
      for (const f of measured) f.details = { ...f.details, reportingPeakRssMb: peak };
      return measured;
    };
    // A mode that fails is reported as the suite's error; the other mode's figures are kept.
    const attempt = (run: Promise<Figure[]>) => run.then((f) => figures.push(...f)).catch((error: Error) => errors.push(error.message));
    await attempt(measure(reporting, 'stack', '2025-12-01', options.coldQueries));
    await reporting.stop();
    platform.env.ISHC_MODE = 'embedded';
    delete platform.env.REDIS_URL;
    const embedded = await platform.start('reporting');
    // Fewer cold queries here: at national scale each takes long, and the mode changes only the cache.
    await attempt(measure(embedded, 'embedded', '2025-12-11', Math.max(1, options.coldQueries - 1)));
    for (const f of figures) f.details = { ...f.details, fillSeconds: fillS, rows, size };
  } finally {
    await platform.stop();
  }
  const communes = size.provinces * size.districtsPerProvince * size.communesPerDistrict;
  notes.push(
    `National read model at scale ${options.scale} of issue 8's (10,000 clubs, 600,000 members): ${size.provinces} provinces × ${size.districtsPerProvince} districts × ${size.communesPerDistrict} communes = ${communes} communes under VN, ${size.clubs.toLocaleString('en-US')} clubs, ` +
      `${(size.clubs * size.membersPerClub).toLocaleString('en-US')} members with memberships and roles; per club two funds with a monthly contribution each, monthly meetings and sessions, ` +
      'home-care visits to 5 members a month and a health check per member twice, all in 2025; loans (12 months, 0.5 %/month) to 30 % of the members disbursed in 2025 with their repayments to 2025-12-31 (1 borrower in 97 stops after 3) and the income fund\'s mirror movements.',
    'Filled by the faster path (bench/support/national.ts): SQL generate_series INSERTs straight into reporting\'s rp_* read-model tables, no events and no projection; ids and attributes are functions of the row number (deterministic). ' +
      'Units and dated parent links as the projection writes them (rp_org_unit, rp_org_unit_parent), so the query resolves VN → provinces → districts → communes → clubs as for projected data. ' +
      'Less history than the province (one year, loans to 30 % of the members rather than 60 % a year): what an as-of date in December 2025 reads within its 12-month window.',
    `Queries: GET /api/reporting/indicators?orgUnit=VN&asOf=…, one at a time; cold: ${options.coldQueries} distinct asOf dates in December 2025 in stack mode and ${Math.max(1, options.coldQueries - 1)} in embedded mode, each a cache miss; cached: the same query ${options.cachedQueries} times. ` +
      'First in stack mode (ISHC_MODE=stack, Redis cache), then the same process restarted in embedded mode (ISHC_MODE=embedded, no Redis: the in-memory cache), on the run\'s PostgreSQL server (see postgresServer).',
  );
  return { suite: 'national indicators', figures, notes, ...(errors.length > 0 ? { error: errors.join(' | ') } : {}) };
}
