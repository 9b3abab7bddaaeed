// Preloaded with `node -r tools/runtime/register-paths.js …` by every process of the platform.
// TypeScript compiles `import … from '@ishc/<lib>'` into `require('@ishc/<lib>')`, which Node cannot find
// (the aliases live in tsconfig.base.json, not in node_modules). This maps them onto the compiled output,
// following the same convention as tsconfig.base.json's `paths`:
//   @ishc/<lib>          → dist/libs/<lib>/src/index.js
//   @ishc/<lib>/<file>   → dist/libs/<lib>/src/<file>(.js)      (e.g. @ishc/observability/register)
// tools/runtime/register-paths.spec.ts checks that every alias of tsconfig.base.json agrees with this.
// Plain JavaScript on purpose: it must work before (and without) any compilation step.
const Module = require('node:module');
const path = require('node:path');

const distRoot = path.resolve(__dirname, '..', '..', 'dist');
const alias = /^@ishc\/([a-z0-9-]+)(?:\/(.+))?$/;

/** Where an `@ishc/…` request lives in dist/, or undefined for any other request. */
function ishcTarget(request) {
  const match = alias.exec(request);
  if (!match) return undefined;
  const [, lib, file] = match;
  return path.join(distRoot, 'libs', lib, 'src', file ?? 'index');
}

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveIshcAlias(request, parent, isMain, options) {
  const target = ishcTarget(request);
  return resolveFilename.call(this, target ?? request, parent, isMain, options);
};

module.exports = { ishcTarget, distRoot };
