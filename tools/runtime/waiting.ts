// Polling helpers: the launchers wait for things they cannot be told about (a port that starts
// accepting, a readiness route that turns 200).
import net from 'node:net';

export class WaitAborted extends Error {
  override readonly name = 'WaitAborted';
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Stops the wait early (the launch is being shut down). */
  signal?: AbortSignal;
}

/** Resolves once `check` answers true; rejects after the timeout, or with WaitAborted. */
export async function waitUntil(check: () => Promise<boolean>, what: string, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (options.signal?.aborted) throw new WaitAborted(`stopped waiting for ${what}`);
    if (await check()) return;
    if (Date.now() >= deadline) {
      throw new Error(`${what}: still not ready after ${Math.round(options.timeoutMs / 1000)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 300));
  }
}

/** Whether a GET answers 2xx within the timeout. */
export async function answersOk(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer(); // release the connection
    return response.ok;
  } catch {
    return false;
  }
}

/** Whether something accepts TCP connections at host:port. */
export function acceptsConnections(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
