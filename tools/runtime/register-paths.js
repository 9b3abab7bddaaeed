// Preloaded with `node -r tools/runtime/register-paths.js …` by every process of the platform.
// TypeScript compiles `import … from '@ishc/<lib>'` into `require('@ishc/<lib>')`, which Node cannot find
// (the aliases live in tsconfig.base.json, not in node_modules). This hook maps them onto dist/ (see
// ishc-alias.js); every other request resolves as usual.
// Plain JavaScript on purpose: it must work before (and without) any compilation step.
const Module = require('node:module');
const path = require('node:path');
const { ishcTarget } = require('./ishc-alias');

const distRoot = path.resolve(__dirname, '..', '..', 'dist');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveIshcAlias(request, parent, isMain, options) {
  return resolveFilename.call(this, ishcTarget(request, distRoot) ?? request, parent, isMain, options);
};
