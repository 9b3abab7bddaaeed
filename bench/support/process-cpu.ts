// CPU time actually spent by a process (user + system, from /proc), so a figure can be divided into
// "CPU per operation" — which, unlike latency, does not depend on how busy the rest of the machine is.
import fs from 'node:fs';
import { Pool } from 'pg';
import { serverUrl } from './databases';

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** CPU milliseconds used so far by `pid`; 0 when it is gone or /proc is unavailable. */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ") ": utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU milliseconds of each PostgreSQL backend connected to one of `databases` (same machine only). */
export async function backendCpuMs(admin: Pool, databases: string[]): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = ANY($1::text[])', [databases]);
  return new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
}

export interface CpuMeter {
  /** CPU ms of the processes and of the databases' backends since the meter started. */
  stop(): Promise<{ processMs: number; databaseMs: number }>;
}

/** Meters `pids` (e.g. a service, or this process when it is the client) and the backends of `databases`. */
export async function startCpuMeter(pids: number[], admin: Pool, databases: string[]): Promise<CpuMeter> {
  const processesBefore = pids.map(processCpuMs);
  const backendsBefore = await backendCpuMs(admin, databases);
  return {
    async stop() {
      const backendsAfter = await backendCpuMs(admin, databases);
      let databaseMs = 0;
      // A backend that started during the run counts from 0; one that ended is lost (pools keep theirs).
      for (const [backend, after] of backendsAfter) databaseMs += after - (backendsBefore.get(backend) ?? 0);
      const processMs = pids.reduce((sum, pid, i) => sum + processCpuMs(pid) - processesBefore[i], 0);
      return { processMs, databaseMs };
    },
  };
}

/** startCpuMeter with its own short-lived admin connection to the server. */
export async function meterCpu<T>(pids: number[], databases: string[], run: () => Promise<T>): Promise<{ result: T; processMs: number; databaseMs: number }> {
  const admin = new Pool({ connectionString: serverUrl(), max: 1 });
  try {
    const meter = await startCpuMeter(pids, admin, databases);
    const result = await run();
    return { result, ...(await meter.stop()) };
  } finally {
    await admin.end();
  }
}
