import { startedAfterCall } from './processed-through';

/** A fetch whose answers the test hands out one by one, in the order the fetches started. */
function controlledFetch() {
  const pending: ((value: number) => void)[] = [];
  let started = 0;
  const fetch = () => {
    started++;
    return new Promise<number>((resolve) => pending.push(resolve));
  };
  return { fetch, started: () => started, answer: (value: number) => (pending.shift() as (value: number) => void)(value) };
}

describe('startedAfterCall', () => {
  it('gives a caller who arrives while a fetch is in flight the next fetch, never the one already started', async () => {
    const source = controlledFetch();
    const shared = startedAfterCall(source.fetch);
    const first = shared();
    const second = shared();
    const third = shared();
    expect(source.started()).toBe(1);

    source.answer(1);
    expect(await first).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.started()).toBe(2);
    source.answer(2);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
  });

  it('starts a fetch at once when none is in flight, and again after a failed one', async () => {
    let calls = 0;
    const shared = startedAfterCall(async () => {
      calls++;
      if (calls === 1) throw new Error('broker away');
      return calls;
    });
    await expect(shared()).rejects.toThrow('broker away');
    expect(await shared()).toBe(2);
  });
});
