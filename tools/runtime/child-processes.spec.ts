import { ChildExit, ChildProcesses } from './child-processes';
import { PrefixedOutput } from './prefixed-output';

/** A node child running `code`. */
function nodeChild(name: string, code: string) {
  return { name, command: process.execPath, args: ['-e', code], cwd: __dirname, env: { PATH: process.env.PATH ?? '' } };
}

describe('ChildProcesses', () => {
  let lines: string[];
  let output: PrefixedOutput;
  let unexpected: ChildExit[];
  let children: ChildProcesses;

  beforeEach(() => {
    lines = [];
    const sink = { write: (text: string) => lines.push(text) };
    output = new PrefixedOutput(['launcher', 'polite', 'stubborn'], false, { out: sink, err: sink });
    unexpected = [];
    children = new ChildProcesses(output, (exit) => unexpected.push(exit));
  });
  afterEach(() => children.killAllNow());

  const waitFor = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(condition()).toBe(true);
  };

  it('prefixes every line a child writes with its name', async () => {
    children.start(nodeChild('polite', `console.log('one\\ntwo'); setInterval(() => {}, 1000)`));
    await waitFor(() => lines.length >= 2);
    expect(lines.slice(0, 2)).toEqual(['polite   │ one\n', 'polite   │ two\n']);
    await children.stopAll(5000);
  });

  it('asks with SIGTERM, and kills a child that does not stop in time', async () => {
    const ready = (name: string) => lines.some((l) => l.startsWith(name) && l.includes('ready'));
    children.start(nodeChild('polite', `process.on('SIGTERM', () => { console.log('bye'); process.exit(0) }); console.log('ready'); setInterval(() => {}, 1000)`));
    children.start(nodeChild('stubborn', `process.on('SIGTERM', () => console.log('ignoring SIGTERM')); console.log('ready'); setInterval(() => {}, 1000)`));
    await waitFor(() => ready('polite') && ready('stubborn'));
    const started = Date.now();
    await children.stopAll(500);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(children.count).toBe(0);
    expect(lines).toEqual(
      expect.arrayContaining([
        'polite   │ bye\n',
        'stubborn │ ignoring SIGTERM\n',
        'launcher │ stubborn did not stop within 0.5 s: killing it\n',
      ]),
    );
    expect(unexpected).toEqual([]);
  });

  it('reports a child that ends on its own', async () => {
    children.start(nodeChild('polite', 'process.exit(3)'));
    await waitFor(() => unexpected.length === 1);
    expect(unexpected[0]).toMatchObject({ name: 'polite', code: 3, signal: null });
    expect(children.isRunning('polite')).toBe(false);
  });

  it('reports a program that cannot be started', async () => {
    children.start({ name: 'polite', command: '/nonexistent/program', args: [], cwd: __dirname, env: {} });
    await waitFor(() => unexpected.length === 1);
    expect(unexpected[0].error?.message).toContain('ENOENT');
  });
});
