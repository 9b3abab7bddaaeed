import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's root folder, found from this file's location, so it is the same whether this runs
 * compiled (dist/tools/runtime) or from source (tools/runtime, in jest) and whatever the working folder.
 */
export function repoRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'tsconfig.build.json'))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`no tsconfig.build.json above ${from}`);
  }
}
