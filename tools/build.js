#!/usr/bin/env node
// Compiles libs/, services/ and tools/ into dist/ (same folder layout) with the TypeScript compiler,
// incrementally (dist/.tsbuildinfo), so `npm start` after a small change takes seconds; then bundles the
// dashboard (services/dashboard) with Vite.
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

buildDashboard().then(
  () => console.log(`build: dist/ is up to date (${((Date.now() - started) / 1000).toFixed(1)} s)`),
  (error) => {
    console.error(`\nbuild failed: the dashboard (services/dashboard) did not build: ${error?.stack ?? error}`);
    process.exit(1);
  },
);

// The dashboard is bundled by Vite into dist/services/dashboard, which the gateway serves at `/`. Skipped
// when nothing it is made of changed since the last build (a fingerprint of its files and the lock file).
async function buildDashboard() {
  const fs = require('node:fs');
  const crypto = require('node:crypto');
  const source = path.join(root, 'services', 'dashboard');
  const out = path.join(root, 'dist', 'services', 'dashboard');
  const stampFile = path.join(out, '.build-stamp');
  const hash = crypto.createHash('sha256');
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.spec.ts')) {
        const stat = fs.statSync(full);
        hash.update(`${path.relative(source, full)}:${stat.size}:${stat.mtimeMs}\n`);
      }
    }
  };
  walk(source);
  hash.update(String(fs.statSync(path.join(root, 'package-lock.json')).mtimeMs));
  const stamp = hash.digest('hex');
  if (fs.existsSync(path.join(out, 'index.html')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(source, 'vite.config.mjs') });
  fs.writeFileSync(stampFile, stamp);
}

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
