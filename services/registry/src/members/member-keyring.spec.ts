import { ConfigError, ServiceConfig, ServiceUnavailableError } from '@ishc/platform';
import { MemberCrypto, MemberKeyring, masterKeyFrom } from './member-keyring';

const personal = { fullName: 'Nguyễn Thị Đào', birthDate: '1950-03-15', ethnicity: 'Khmer', phone: '0912345678', nationalId: '084150000123' };

describe('member encryption', () => {
  const crypto = new MemberCrypto(Buffer.alloc(32, 7));

  it('encrypts personal data under a per-member data key, wrapped by the master key', () => {
    const key = crypto.newDataKey();
    const sealed = crypto.encrypt('m1', key, personal);
    expect(JSON.stringify(sealed)).not.toContain('Đào');
    expect(JSON.stringify(sealed)).not.toContain('084150000123');
    const wrapped = crypto.wrap('m1', key);
    expect(crypto.decrypt('m1', crypto.unwrap('m1', wrapped), sealed)).toEqual(personal);
  });

  it('without the data key (or with another) the ciphertext cannot be read', () => {
    const sealed = crypto.encrypt('m1', crypto.newDataKey(), personal);
    expect(() => crypto.decrypt('m1', crypto.newDataKey(), sealed)).toThrow();
    const other = new MemberCrypto(Buffer.alloc(32, 8));
    expect(() => other.unwrap('m1', crypto.wrap('m1', crypto.newDataKey()))).toThrow();
  });

  it('match hashes are keyed: equal inputs match, and another master key gives other hashes', () => {
    expect(crypto.matchHash('nid|1')).toBe(crypto.matchHash('nid|1'));
    expect(crypto.matchHash('nid|1')).not.toContain('nid');
    expect(new MemberCrypto(Buffer.alloc(32, 8)).matchHash('nid|1')).not.toBe(crypto.matchHash('nid|1'));
  });

  it('REGISTRY_MASTER_KEY: 32 bytes base64; derived from JWT_SECRET in embedded mode only', () => {
    const key = Buffer.alloc(32, 3).toString('base64');
    expect(masterKeyFrom({ REGISTRY_MASTER_KEY: key }, 'stack', 'x'.repeat(32))).toEqual(Buffer.alloc(32, 3));
    expect(masterKeyFrom({}, 'embedded', 'x'.repeat(32))).toHaveLength(32);
    expect(() => masterKeyFrom({}, 'stack', 'x'.repeat(32))).toThrow(ConfigError);
    expect(() => masterKeyFrom({ REGISTRY_MASTER_KEY: 'c2hvcnQ=' }, 'embedded', 'x'.repeat(32))).toThrow(ConfigError);
  });

  it('in stack mode without the key the registry starts, and personal data answers 503; a malformed key stops the start', () => {
    const stack = { mode: 'stack', jwtSecret: 'x'.repeat(32) } as ServiceConfig;
    expect(() => new MemberKeyring({}, stack).keys).toThrow(ServiceUnavailableError);
    expect(() => new MemberKeyring({ REGISTRY_MASTER_KEY: 'bad' }, stack)).toThrow(ConfigError);
    expect(new MemberKeyring({ REGISTRY_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') }, stack).keys).toBeInstanceOf(MemberCrypto);
  });
});
