import { isTransientFailure } from './transient-failure';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isTransientFailure', () => {
  it.each([
    ['a lost connection (no SQLSTATE)', new Error('Connection terminated unexpectedly')],
    ['an administrator ending the session', withCode('terminating connection due to administrator command', '57P01')],
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a deadlock', withCode('deadlock detected', '40P01')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
  ])('is true for %s: the message is fine, the world is not', (_what, error) => {
    expect(isTransientFailure(error)).toBe(true);
  });

  it.each([
    ['a handler error', new Error('cannot apply ClubDissolved to a club that does not exist')],
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['an invalid value', withCode('invalid input syntax for type uuid', '22P02')],
    ['something thrown that is not an Error', 'nope'],
  ])('is false for %s: retrying will not help, so it may be dead-lettered', (_what, error) => {
    expect(isTransientFailure(error)).toBe(false);
  });
});
