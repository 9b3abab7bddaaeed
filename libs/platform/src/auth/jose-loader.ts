// jose 6 ships only as an ES module. Node ≥ 20.19 (our engines floor) loads it with require(), but jest's
// CommonJS sandbox intercepts require (module.createRequire included) and cannot, which would break every
// service's API tests that import @ishc/platform. Node's own require, reached through
// process.getBuiltinModule, loads it the same way under both, and only once a token is signed or verified.
type Jose = typeof import('jose');

let jose: Jose | undefined;

export function loadJose(): Jose {
  if (!jose) {
    const { createRequire } = process.getBuiltinModule('node:module') as typeof import('node:module');
    jose = createRequire(__filename)('jose') as Jose;
  }
  return jose;
}
