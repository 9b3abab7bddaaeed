import { canonicalJson, requestHash } from './request-hash';

describe('requestHash', () => {
  it('ignores key order but not values, method, path or query', () => {
    const base = requestHash('POST', '/api/registry/members', { a: 1, b: { c: [1, 2] } });
    expect(requestHash('post', '/api/registry/members', { b: { c: [1, 2] }, a: 1 })).toBe(base);
    expect(requestHash('POST', '/api/registry/members', { a: 1, b: { c: [2, 1] } })).not.toBe(base);
    expect(requestHash('PUT', '/api/registry/members', { a: 1, b: { c: [1, 2] } })).not.toBe(base);
    expect(requestHash('POST', '/api/registry/members?dryRun=true', { a: 1, b: { c: [1, 2] } })).not.toBe(base);
    expect(canonicalJson({ z: undefined, y: null })).toBe('{"y":null}');
  });
});
