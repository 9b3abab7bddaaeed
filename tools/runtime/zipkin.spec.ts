import { zipkinRequested } from './zipkin';

describe('zipkinRequested', () => {
  it('is asked for with --zipkin or ISHC_ZIPKIN=true, and a bad value names the variable', () => {
    expect(zipkinRequested(['--zipkin'], {})).toBe(true);
    expect(zipkinRequested([], { ISHC_ZIPKIN: 'true' })).toBe(true);
    expect(zipkinRequested([], {})).toBe(false);
    expect(zipkinRequested([], { ISHC_ZIPKIN: 'false' })).toBe(false);
    expect(() => zipkinRequested([], { ISHC_ZIPKIN: 'yes' })).toThrow(/ISHC_ZIPKIN=yes must be true or false/);
  });
});
