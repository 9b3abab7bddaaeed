// `npm run rebuild:reporting [-- <gateway URL>]`: rebuilds reporting's read models from position zero
// beside the serving ones and switches over (docs/operations.md, "Rebuild"). ISHC_TOKEN: a bearer token
// with the admin role (without it, a dev token is asked for, as in embedded mode). Exit code 1 on failure.
import { rebuildReadModels } from './rebuild-read-models';

const baseUrl = (process.argv[2] ?? 'http://localhost:3000').replace(/\/$/, '');

rebuildReadModels({ baseUrl, token: process.env.ISHC_TOKEN || undefined, say: (line) => process.stdout.write(`${line}\n`) }).then(
  () => undefined,
  (error: unknown) => {
    process.stderr.write(`rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
