import path from 'node:path';
import { compilerOptions } from '../../tsconfig.base.json';
import { ishcTarget } from './ishc-alias';

describe('ishcTarget (the run-time twin of tsconfig.base.json paths)', () => {
  const dist = '/repo/dist';

  it('maps every alias of tsconfig.base.json to the compiled file of its source', () => {
    for (const [alias, [source]] of Object.entries(compilerOptions.paths)) {
      const request = alias.replace('*', 'some/file');
      const expected = path.join(dist, source.replace('*', 'some/file').replace(/\.ts$/, ''));
      expect({ request, target: ishcTarget(request, dist) }).toEqual({ request, target: expected });
    }
  });

  it('maps a file inside a library (the register hook)', () => {
    expect(ishcTarget('@ishc/observability/register', dist)).toBe('/repo/dist/libs/observability/src/register');
  });

  it('leaves every other request alone', () => {
    expect(ishcTarget('pg', dist)).toBeUndefined();
    expect(ishcTarget('@nestjs/core', dist)).toBeUndefined();
    expect(ishcTarget('./ishc-alias', dist)).toBeUndefined();
  });
});
