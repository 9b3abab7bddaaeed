// Checks, before anything starts, that every port the launch needs is free, so a clash is reported as
// "set GATEWAY_PORT" instead of surfacing later as one child's EADDRINUSE stack trace.
import net from 'node:net';
import { LaunchError } from './launch-error';

export interface PortClaim {
  port: number;
  /** The environment variable that moves it. */
  variable: string;
  /** Who wants the port, in words: "the gateway", "the embedded PostgreSQL". */
  owner: string;
}

/**
 * Whether nothing listens on the port. Listening on the unspecified address (dual-stack `::`, or
 * 0.0.0.0 without IPv6) conflicts with a listener on any local address, loopback included.
 */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export function assertDistinctPorts(claims: readonly PortClaim[]): void {
  const byPort = new Map<number, PortClaim[]>();
  for (const claim of claims) byPort.set(claim.port, [...(byPort.get(claim.port) ?? []), claim]);
  const clashes = [...byPort.values()].filter((same) => same.length > 1);
  if (clashes.length > 0) {
    throw new LaunchError(
      clashes
        .map((same) => `${same.map((c) => c.variable).join(' and ')} are ${same.length === 2 ? 'both' : 'all'} set to port ${same[0].port}: give each its own port.`)
        .join('\n'),
    );
  }
}

/**
 * Fails with one line per busy port, naming the variable to change. `explain` may add a line about who
 * probably holds a port (e.g. a PostgreSQL left over from an earlier run).
 */
export async function assertPortsFree(
  claims: readonly PortClaim[],
  explain: (claim: PortClaim) => string | undefined = () => undefined,
): Promise<void> {
  assertDistinctPorts(claims);
  const busy: PortClaim[] = [];
  for (const claim of claims) if (!(await isPortFree(claim.port))) busy.push(claim);
  if (busy.length === 0) return;
  throw new LaunchError(
    busy
      .map((claim) => {
        const line = `Port ${claim.port} is already in use, so ${claim.owner} cannot listen on it: stop what uses it, or set ${claim.variable} to a free port.`;
        const why = explain(claim);
        return why ? `${line}\n  ${why}` : line;
      })
      .join('\n'),
  );
}
