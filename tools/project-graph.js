// Computes (and caches in .nx/) the Nx project graph. @nx/enforce-module-boundaries reads that cache and,
// without it (a fresh clone), skips itself with a mere warning: lint must never pass that way.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const nx = require.resolve('nx/bin/nx.js', { paths: [root] });
const run = spawnSync(process.execPath, [nx, 'show', 'projects', '--json'], {
  cwd: root,
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  encoding: 'utf8',
});
if (run.status !== 0) {
  process.stderr.write(`nx could not compute the project graph:\n${run.stderr}${run.stdout}`);
  process.exit(run.status || 1);
}
