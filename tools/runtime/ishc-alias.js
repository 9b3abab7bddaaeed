// Where an `@ishc/…` import lives in the compiled output, following tsconfig.base.json's `paths`:
//   @ishc/<lib>          → dist/libs/<lib>/src/index
//   @ishc/<lib>/<file>   → dist/libs/<lib>/src/<file>      (e.g. @ishc/observability/register)
// ishc-alias.spec.ts checks every alias of tsconfig.base.json against this rule.
// Plain JavaScript: register-paths.js uses it before (and without) any compilation.
const path = require('node:path');

const alias = /^@ishc\/([a-z0-9-]+)(?:\/(.+))?$/;

/** The file (without extension) an `@ishc/…` request maps to under `distRoot`, or undefined. */
function ishcTarget(request, distRoot) {
  const match = alias.exec(request);
  if (!match) return undefined;
  const [, lib, file] = match;
  return path.join(distRoot, 'libs', lib, 'src', file ?? 'index');
}

module.exports = { ishcTarget };
