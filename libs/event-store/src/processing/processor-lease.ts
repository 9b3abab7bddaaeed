import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Client, Pool, PoolClient } from 'pg';
import { sleep } from './abortable-sleep';
import { closeQuietly, openDedicatedConnection } from './dedicated-connection';

export interface ProcessorLeaseOptions {
  /** How long the lease row stays valid without a heartbeat; default 30 s. Renewed every third of it. */
  leaseMs?: number;
  /** Aborting stops waiting: acquire rejects with the signal's reason. */
  signal?: AbortSignal;
  /** How often a waiting instance tries again; default min(1 s, leaseMs / 3). */
  retryMs?: number;
}

const DEFAULT_LEASE_MS = 30_000;

/**
 * One active instance per processor id, across processes. Two mechanisms, because each alone has a hole:
 * - a session advisory lock on a dedicated connection excludes every other live session at once, and is
 *   released by the server the moment its holder's session dies;
 * - a lease row (holder, expires_at) is the fencing token: every batch transaction `fence`s on it (FOR
 *   SHARE), so a holder that merely lost its lock connection (and may still be running a batch on the
 *   pool) can never commit once a successor has rewritten the row.
 * Whoever holds the advisory lock therefore takes the row over at once: a successor of a crashed process
 * starts immediately rather than after the lease's expiry (the expiry still matters to a holder's own
 * heartbeat: a row it can no longer renew means it lost the lease).
 */
export class ProcessorLease {
  private lost = false;
  private released = false;
  private renewing = false;
  private renewal: Promise<void> = Promise.resolve();
  private closing?: Promise<void>;
  private readonly heartbeat: NodeJS.Timeout;

  private constructor(
    private readonly connection: Client,
    readonly processorId: string,
    readonly holder: string,
    private readonly leaseMs: number,
  ) {
    // unref: holding a lease is no reason on its own to keep the process alive.
    this.heartbeat = setInterval(() => this.renew(), Math.max(10, Math.floor(leaseMs / 3))).unref();
  }

  /** Resolves once this instance holds the lease; waits (retrying) while another live instance does. */
  static async acquire(pool: Pool, processorId: string, options: ProcessorLeaseOptions = {}): Promise<ProcessorLease> {
    const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    const retryMs = options.retryMs ?? Math.min(1_000, Math.max(10, Math.floor(leaseMs / 3)));
    const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
    options.signal?.throwIfAborted();

    const state: { lease?: ProcessorLease; lostWhileWaiting?: Error } = {};
    const connection = await openDedicatedConnection(pool, `ishc-lease ${processorId}`, (err) => {
      if (state.lease) state.lease.markLost();
      else state.lostWhileWaiting = err;
    });
    try {
      let locked = false;
      for (;;) {
        if (state.lostWhileWaiting) throw state.lostWhileWaiting;
        // Session advisory locks stack: take it once and keep it while waiting for the row.
        if (!locked) locked = await tryAdvisoryLock(connection, processorId);
        if (locked && (await claimLeaseRow(connection, processorId, holder, leaseMs))) break;
        await sleep(retryMs, options.signal);
      }
    } catch (err) {
      await closeQuietly(connection); // also drops the advisory lock if this attempt had it
      throw err;
    }
    state.lease = new ProcessorLease(connection, processorId, holder, leaseMs);
    return state.lease;
  }

  /** False once released, or as soon as the lease is known lost (connection gone, or the row taken over). */
  isHeld(): boolean {
    return !this.lost && !this.released;
  }

  /**
   * Inside a transaction on the lease's database: true when the lease row still names this holder, and
   * keeps it so (FOR SHARE) until that transaction ends, so no successor can take over mid-batch.
   */
  async fence(client: PoolClient): Promise<boolean> {
    if (!this.isHeld()) return false;
    const result = await client.query('SELECT 1 FROM processor_leases WHERE processor_id = $1 AND holder = $2 FOR SHARE', [this.processorId, this.holder]);
    return result.rowCount === 1;
  }

  /** Gives the lease up at once (a waiting instance need not wait for expiry). Safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return;
    const wasHeld = this.isHeld();
    this.released = true;
    clearInterval(this.heartbeat);
    await this.renewal;
    if (wasHeld && !this.lost) {
      try {
        await this.connection.query('DELETE FROM processor_leases WHERE processor_id = $1 AND holder = $2', [this.processorId, this.holder]);
        await this.connection.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKey(this.processorId)]);
      } catch {
        // The connection is going anyway; its end releases the lock, and an undeleted row simply expires.
      }
    }
    await this.close();
  }

  private renew(): void {
    if (this.renewing || !this.isHeld()) return;
    this.renewing = true;
    this.renewal = this.connection
      .query(`UPDATE processor_leases SET expires_at = now() + $3::int * interval '1 millisecond' WHERE processor_id = $1 AND holder = $2`, [
        this.processorId,
        this.holder,
        this.leaseMs,
      ])
      .then(
        (result) => {
          if (result.rowCount !== 1) this.markLost();
        },
        () => this.markLost(),
      )
      .finally(() => {
        this.renewing = false;
      });
  }

  private markLost(): void {
    if (this.lost || this.released) return;
    this.lost = true;
    clearInterval(this.heartbeat);
    // Close so that a lease we no longer own cannot keep its advisory lock by accident.
    void this.close();
  }

  private close(): Promise<void> {
    this.closing ??= closeQuietly(this.connection);
    return this.closing;
  }
}

function lockKey(processorId: string): string {
  return `ishc:processor:${processorId}`;
}

async function tryAdvisoryLock(connection: Client, processorId: string): Promise<boolean> {
  const { rows } = await connection.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [lockKey(processorId)]);
  return rows[0].locked;
}

/**
 * Takes the row (the caller holds the advisory lock, so no live instance holds the lease). A previous
 * holder's batch that is still in flight keeps the row FOR SHARE, so this waits for it to end; its next
 * fence then fails.
 */
async function claimLeaseRow(connection: Client, processorId: string, holder: string, leaseMs: number): Promise<boolean> {
  const result = await connection.query(
    `INSERT INTO processor_leases AS l (processor_id, holder, acquired_at, expires_at)
     VALUES ($1, $2, now(), now() + $3::int * interval '1 millisecond')
     ON CONFLICT (processor_id) DO UPDATE
       SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at`,
    [processorId, holder, leaseMs],
  );
  return result.rowCount === 1;
}
