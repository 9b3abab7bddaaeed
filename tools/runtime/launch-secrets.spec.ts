import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateSecrets, secretsFile } from './launch-secrets';

describe('launch secrets', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'ishc-secrets-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are generated once per data folder, readable by the owner only, and reused after', () => {
    const first = loadOrCreateSecrets(path.join(dir, 'data'));
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.postgresPassword.length).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(first.registryMasterKey, 'base64')).toHaveLength(32);
    expect(statSync(secretsFile(path.join(dir, 'data'))).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecrets(path.join(dir, 'data'))).toEqual(first);
  });

  it('keep what the file has and add only what is missing', () => {
    writeFileSync(secretsFile(dir), JSON.stringify({ postgresPassword: 'p'.repeat(36) }));
    const secrets = loadOrCreateSecrets(dir);
    expect(secrets.postgresPassword).toBe('p'.repeat(36));
    expect(JSON.parse(readFileSync(secretsFile(dir), 'utf8'))).toEqual(secrets);
  });

  it('refuse a damaged file rather than silently replacing the database password', () => {
    writeFileSync(secretsFile(dir), '{not json');
    expect(() => loadOrCreateSecrets(dir)).toThrow('secrets.json is not valid JSON');
  });
});
