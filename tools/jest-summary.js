// Runs jest once over the monorepo and ends with the line CI reads: "N passed, N failed, N skipped".
// Extra arguments are passed to jest (e.g. a path to run one folder).
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, existsSync, rmSync } = require('node:fs');
const path = require('node:path');

const out = path.join(__dirname, '..', 'tmp', 'jest-results.json');
mkdirSync(path.dirname(out), { recursive: true });
if (existsSync(out)) rmSync(out);
const jest = require.resolve('jest/bin/jest');
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${out}`, ...process.argv.slice(2)], { stdio: 'inherit' });
if (!existsSync(out)) {
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(run.status || 1);
}
const r = JSON.parse(readFileSync(out, 'utf8'));
const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
console.log(`${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
process.exit(run.status === 0 && failed === 0 && r.numTotalTests > 0 ? 0 : 1);
