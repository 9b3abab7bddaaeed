import { EventEmitter } from 'node:events';
import { shutdownOnExit } from './flush-on-exit';

/** A stand-in for `process`: signals are events, `kill` records what would be re-raised. */
class FakeProcess extends EventEmitter {
  readonly pid = 4242;
  readonly killed: string[] = [];
  kill(_pid: number, signal: string): true {
    this.killed.push(signal);
    return true;
  }
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

describe('shutdownOnExit', () => {
  it('only flushes while another shutdown hook runs, then shuts down and re-raises once it is last', async () => {
    const proc = new FakeProcess();
    const calls: string[] = [];
    const tracing = { flush: async () => void calls.push('flush'), shutdown: async () => void calls.push('shutdown') };
    shutdownOnExit(tracing, proc as unknown as NodeJS.Process);
    const nestHook = () => proc.removeListener('SIGTERM', nestHook);
    proc.on('SIGTERM', nestHook);

    proc.emit('SIGTERM');
    await settle();
    expect(calls).toEqual(['flush']);
    expect(proc.killed).toEqual([]);

    proc.emit('SIGTERM'); // Nest re-raises after closing the app
    await settle();
    expect(calls).toEqual(['flush', 'shutdown']);
    expect(proc.killed).toEqual(['SIGTERM']);
    expect(proc.listenerCount('SIGTERM')).toBe(0);
  });

  it('shuts down once when the event loop drains', async () => {
    const proc = new FakeProcess();
    let shutdowns = 0;
    shutdownOnExit({ flush: async () => {}, shutdown: async () => void shutdowns++ }, proc as unknown as NodeJS.Process);
    proc.emit('beforeExit');
    proc.emit('beforeExit');
    await settle();
    expect(shutdowns).toBe(1);
  });
});
