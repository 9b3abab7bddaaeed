import { Inject, Injectable } from '@nestjs/common';
import { EncryptedPersonalDataV1 } from '@ishc/contracts';
import { ConfigError, PLATFORM_CONFIG, PLATFORM_ENV, ServiceConfig, ServiceUnavailableError } from '@ishc/platform';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export const MASTER_KEY_VARIABLE = 'REGISTRY_MASTER_KEY';
const KEY_BYTES = 32;

/** The personal fields of a member (ISHC.md §4, Decree 13/2023), encrypted together under the member's data key. */
export interface PersonalData {
  fullName: string;
  birthDate: string | null;
  ethnicity: string | null;
  phone: string | null;
  nationalId: string | null;
}

const derive = (secret: Buffer, info: string): Buffer => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), info, KEY_BYTES));

function seal(key: Buffer, plaintext: Buffer, aad: string): EncryptedPersonalDataV1 {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { alg: 'A256GCM', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

function open(key: Buffer, sealed: EncryptedPersonalDataV1, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
}

/**
 * The master key from REGISTRY_MASTER_KEY (32 bytes, base64). Without it, the embedded mode derives one
 * from JWT_SECRET (a laptop needs no setup); the stack mode requires it.
 */
export function masterKeyFrom(env: Record<string, string | undefined>, mode: ServiceConfig['mode'], jwtSecret: string): Buffer {
  const raw = env[MASTER_KEY_VARIABLE];
  if (raw === undefined || raw === '') {
    if (mode === 'embedded') return derive(Buffer.from(jwtSecret, 'utf8'), 'ishc registry master key');
    throw new ConfigError([{ variable: MASTER_KEY_VARIABLE, message: 'required in stack mode: 32 bytes, base64' }]);
  }
  const key = Buffer.from(raw, 'base64');
  if (key.length !== KEY_BYTES || !/^[A-Za-z0-9+/]+=*$/.test(raw)) {
    throw new ConfigError([{ variable: MASTER_KEY_VARIABLE, message: 'must be 32 bytes, base64' }]);
  }
  return key;
}

/**
 * Envelope encryption of members' personal data. Each member has a random data key (AES-256-GCM); it is
 * stored only wrapped by the master key, in the registry's `member_keys` table, and destroying it erases
 * the member. Duplicate detection compares keyed hashes (HMAC-SHA256, key derived from the master key),
 * never clear values.
 */
export class MemberCrypto {
  private readonly wrappingKey: Buffer;
  private readonly matchKey: Buffer;

  constructor(masterKey: Buffer) {
    this.wrappingKey = derive(masterKey, 'ishc registry data-key wrapping');
    this.matchKey = derive(masterKey, 'ishc registry duplicate matching');
  }

  newDataKey(): Buffer {
    return randomBytes(KEY_BYTES);
  }

  wrap(memberId: string, dataKey: Buffer): EncryptedPersonalDataV1 {
    return seal(this.wrappingKey, dataKey, `data-key:${memberId}`);
  }

  unwrap(memberId: string, wrapped: EncryptedPersonalDataV1): Buffer {
    return open(this.wrappingKey, wrapped, `data-key:${memberId}`);
  }

  encrypt(memberId: string, dataKey: Buffer, personal: PersonalData): EncryptedPersonalDataV1 {
    return seal(dataKey, Buffer.from(JSON.stringify(personal), 'utf8'), `member:${memberId}`);
  }

  decrypt(memberId: string, dataKey: Buffer, sealed: EncryptedPersonalDataV1): PersonalData {
    return JSON.parse(open(dataKey, sealed, `member:${memberId}`).toString('utf8')) as PersonalData;
  }

  /** A keyed hash of a match key (see duplicate-match.ts), hex. */
  matchHash(matchKey: string): string {
    return createHmac('sha256', this.matchKey).update(matchKey, 'utf8').digest('hex');
  }
}

/**
 * The registry's MemberCrypto, keyed from the environment. A malformed REGISTRY_MASTER_KEY stops the
 * start; a missing one in stack mode does not (the rest of the registry works), but every route that
 * needs personal data answers 503 naming the variable.
 */
@Injectable()
export class MemberKeyring {
  private readonly crypto: MemberCrypto | null;
  private readonly missing: ConfigError | null = null;

  constructor(@Inject(PLATFORM_ENV) env: Record<string, string | undefined>, @Inject(PLATFORM_CONFIG) config: ServiceConfig) {
    const configured = env[MASTER_KEY_VARIABLE] !== undefined && env[MASTER_KEY_VARIABLE] !== '';
    try {
      this.crypto = new MemberCrypto(masterKeyFrom(env, config.mode, config.jwtSecret));
    } catch (error) {
      if (configured || !(error instanceof ConfigError)) throw error;
      this.crypto = null;
      this.missing = error;
    }
  }

  /** The keys, or 503 when the master key is not configured. */
  get keys(): MemberCrypto {
    if (this.crypto) return this.crypto;
    throw new ServiceUnavailableError(`Personal data is unavailable: ${this.missing?.message ?? MASTER_KEY_VARIABLE + ' is not set'}.`);
  }
}
