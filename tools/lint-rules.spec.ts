import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The architecture rules of ADR 0005 must actually fire: lint a few offending snippets as if they lived
// at the given paths, and check the rule that reports them. (ESLint runs as its own process: its config
// loader needs native dynamic import, which jest's module sandbox does not offer.)
const root = path.resolve(__dirname, '..');
const eslintBin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

// The boundary rule reads Nx's cached project graph and silently skips itself without one (a clean
// clone): compute it first, as `npm run lint` does.
beforeAll(() => {
  const graph = spawnSync(process.execPath, [path.join(root, 'tools', 'project-graph.js')], { cwd: root, encoding: 'utf8' });
  if (graph.status !== 0) throw new Error(`computing the Nx project graph failed: ${graph.stderr}`);
});

async function rulesFiredFor(filePath: string, code: string): Promise<string[]> {
  const run = spawnSync(process.execPath, [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', path.join(root, filePath)], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (/No cached ProjectGraph/.test(run.stdout)) throw new Error('the boundary rule was skipped: no Nx project graph');
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('architecture rules in lint', () => {
  it('fails when a service imports another service by relative path', async () => {
    const rules = await rulesFiredFor(
      'services/reporting/src/offender.ts',
      "import { clubTable } from '../../registry/src/clubs/club.table';\nexport const x = clubTable;\n",
    );
    expect(rules).toContain('@nx/enforce-module-boundaries');
  });

  it('fails when a library imports a service', async () => {
    const rules = await rulesFiredFor('libs/platform/src/offender.ts', "import { clubTable } from '../../../services/registry/src/clubs/club.table';\nexport const x = clubTable;\n");
    expect(rules).toContain('@nx/enforce-module-boundaries');
  });

  it.each(['@nestjs/common', 'pg', 'typeorm', 'kafkajs'])('fails when a domain/ folder imports %s', async (moduleName) => {
    const rules = await rulesFiredFor('services/registry/src/clubs/domain/offender.ts', `import * as m from '${moduleName}';\nexport const x = m;\n`);
    expect(rules).toContain('no-restricted-imports');
  });

  it('accepts a domain/ folder that imports contracts only', async () => {
    const rules = await rulesFiredFor('services/registry/src/clubs/domain/fine.ts', "import { levelRank } from '@ishc/contracts';\nexport const x = levelRank('commune');\n");
    expect(rules).toEqual([]);
  });

  it('fails when production code imports a library test kit, and accepts it in spec-support', async () => {
    const code = "import { createFakeRegistry } from '@ishc/registry-replica/testing';\nexport const x = createFakeRegistry;\n";
    expect(await rulesFiredFor('services/activities/src/replica/offender.ts', code)).toContain('no-restricted-imports');
    expect(await rulesFiredFor('services/activities/src/spec-support/fine.ts', code)).not.toContain('no-restricted-imports');
  });
});
