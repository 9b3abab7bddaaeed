#!/usr/bin/env node
// Compiles libs/, services/ and tools/ into dist/ (same folder layout) with the TypeScript compiler,
// incrementally (dist/.tsbuildinfo), so `npm start` after a small change takes seconds.
// Plain JavaScript on purpose: it runs before anything is compiled.
// Runtime resolution of the `@ishc/*` aliases is done by tools/runtime/register-paths.js (`node -r`),
// so tsc's output needs no rewriting and nothing else has to be copied.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const tsc = require.resolve('typescript/bin/tsc');
const started = Date.now();

const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});

if (run.error) {
  console.error(`\nbuild: could not run the TypeScript compiler: ${run.error.message}`);
  process.exit(1);
}
if (run.status !== 0) {
  // tsc still writes files when it finds type errors; we refuse to go on, so nobody runs a half-broken build.
  console.error(
    `\nbuild failed: the TypeScript compiler reported errors (listed above; exit code ${run.status ?? run.signal}).` +
      '\nFix them and run the command again. Nothing was started.',
  );
  process.exit(run.status || 1);
}
// Data files the services read at run time travel with the compiled code (the container image has only dist/).
copyDataFiles(path.join(root, 'services'), path.join(root, 'dist', 'services'));

console.log(`build: dist/ is up to date (${((Date.now() - started) / 1000).toFixed(1)} s)`);

function copyDataFiles(from, to) {
  const fs = require('node:fs');
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) copyDataFiles(source, path.join(to, entry.name));
    else if (entry.name.endsWith('.csv')) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, path.join(to, entry.name));
    }
  }
}
