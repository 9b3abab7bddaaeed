import { forgetVerifiedTokens, InvalidTokenError, signDevToken, verifyAccessToken } from './access-token';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';
const OTHER_SECRET = 'another-secret-of-thirty-two-characters!';

describe('verifyAccessToken (with its cache of verified tokens)', () => {
  beforeEach(() => forgetVerifiedTokens());

  it('given a valid token, when it is verified twice, then both answers carry its claims', async () => {
    const token = await signDevToken({ sub: 'officer-1', roles: ['commune_officer'], scope: ['C1'] }, SECRET, 600);
    const first = await verifyAccessToken(token, SECRET);
    const second = await verifyAccessToken(token, SECRET);
    expect(first).toEqual({ sub: 'officer-1', roles: ['commune_officer'], scope: ['C1'] });
    expect(second).toEqual(first);
  });

  it('given a token verified once, when its expiry has passed, then it is refused as expired', async () => {
    const token = await signDevToken({ sub: 'officer-2', roles: ['admin'], scope: ['VN'] }, SECRET, 60);
    await verifyAccessToken(token, SECRET);
    const afterExpiry = Date.now() + 61_000;
    await expect(verifyAccessToken(token, SECRET, () => afterExpiry)).rejects.toThrow(new InvalidTokenError('The token has expired.'));
    // And stays refused (it left the cache).
    await expect(verifyAccessToken(token, SECRET, () => afterExpiry)).rejects.toThrow('expired');
  });

  it('given a token never seen, when it is verified after its expiry, then it is refused as expired', async () => {
    const token = await signDevToken({ sub: 'officer-3', roles: ['admin'], scope: ['VN'] }, SECRET, 60);
    await expect(verifyAccessToken(token, SECRET, () => Date.now() + 61_000)).rejects.toThrow('expired');
  });

  it('given a token verified with one secret, when another secret checks it, then it is not valid', async () => {
    const token = await signDevToken({ sub: 'officer-4', roles: ['admin'], scope: ['VN'] }, SECRET, 600);
    await verifyAccessToken(token, SECRET);
    await expect(verifyAccessToken(token, OTHER_SECRET)).rejects.toThrow('not valid');
  });

  it('given a tampered token, when it is verified, then it is not valid (and a valid one before it changes nothing)', async () => {
    const token = await signDevToken({ sub: 'officer-5', roles: ['auditor'], scope: ['T1'] }, SECRET, 600);
    await verifyAccessToken(token, SECRET);
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'officer-5', roles: ['admin'], scope: ['VN'], exp: 9_999_999_999 })).toString('base64url')}.${signature}`;
    await expect(verifyAccessToken(forged, SECRET)).rejects.toThrow('not valid');
  });

  it('given a cached actor, when one request changes what it got, then the next request gets the claims unchanged', async () => {
    const token = await signDevToken({ sub: 'officer-6', roles: ['district_officer'], scope: ['D1'] }, SECRET, 600);
    (await verifyAccessToken(token, SECRET)).scope.push('VN');
    (await verifyAccessToken(token, SECRET)).roles.push('admin');
    expect(await verifyAccessToken(token, SECRET)).toEqual({ sub: 'officer-6', roles: ['district_officer'], scope: ['D1'] });
  });
});
