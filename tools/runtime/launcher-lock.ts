// One embedded launcher per data folder. <data>/launcher.pid names the launcher using it, so a second
// `npm start` on the same folder is refused with a clear message, and a PostgreSQL whose launcher was
// killed (SIGKILL leaves no chance to stop it) can be recognised as a leftover and stopped.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LaunchError } from './launch-error';
import { isAlive } from './process-alive';

function lockFile(dataDir: string): string {
  return path.join(dataDir, 'launcher.pid');
}

/** The pid of another live launcher using this folder, if any. */
export function liveLauncherPid(dataDir: string): number | undefined {
  const file = lockFile(dataDir);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : undefined;
}

/** Claims the folder for this process until it exits. */
export function acquireLauncherLock(dataDir: string): void {
  const other = liveLauncherPid(dataDir);
  if (other !== undefined) {
    throw new LaunchError(
      `Another launcher (pid ${other}) is using the data folder ${dataDir}. Stop it first, ` +
        'or give this one its own ISHC_DATA_DIR, EMBEDDED_PG_PORT and service ports.',
    );
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockFile(dataDir), `${process.pid}\n`);
  process.on('exit', () => {
    if (liveLauncherPid(dataDir) === undefined) rmSync(lockFile(dataDir), { force: true });
  });
}
