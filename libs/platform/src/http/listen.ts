import { INestApplication } from '@nestjs/common';
import { ServiceName } from '@ishc/contracts';
import { portVariable } from '../config/service-config';

function isAddressInUse(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EADDRINUSE';
}

/**
 * Listens on `port` (all interfaces). A taken port ends the process with one line saying which port
 * and which variable to change, instead of a stack trace.
 */
export async function listenOrExit(app: INestApplication, service: ServiceName, port: number): Promise<void> {
  try {
    await app.listen(port);
  } catch (error) {
    if (!isAddressInUse(error)) throw error;
    process.stderr.write(`${service}: port ${port} is already in use; stop what uses it or set ${portVariable(service)} to a free port.\n`);
    await app.close().catch(() => undefined);
    process.exit(1);
  }
}
