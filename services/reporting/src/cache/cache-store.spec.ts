import { MemoryCacheStore } from './cache-store';

describe('the in-memory cache store (embedded mode)', () => {
  it('given a value set, then it is read back until it expires', async () => {
    const store = new MemoryCacheStore();
    await store.set('k', 'v', 60);
    expect(await store.get('k')).toBe('v');
    await store.set('gone', 'v', 0);
    expect(await store.get('gone')).toBeNull();
    expect(await store.get('never')).toBeNull();
  });

  it('given more entries than it holds, then the oldest written goes first', async () => {
    const store = new MemoryCacheStore(2);
    await store.set('a', '1', 60);
    await store.set('b', '2', 60);
    await store.set('a', '1 again', 60);
    await store.set('c', '3', 60);
    expect([await store.get('a'), await store.get('b'), await store.get('c')]).toEqual(['1 again', null, '3']);
  });
});
