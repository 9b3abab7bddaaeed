// Secrets a launcher generates once per data folder and reuses after: the JWT key (so tokens survive a
// restart), the embedded PostgreSQL's superuser password (fixed when its cluster is initialised) and the
// registry's master key (it wraps every member's data key: a new one would make personal data unreadable).
// Stored in <data>/secrets.json, readable by the owner only.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LaunchSecrets {
  jwtSecret: string;
  postgresPassword: string;
  /** REGISTRY_MASTER_KEY: 32 random bytes, base64. */
  registryMasterKey: string;
}

export function secretsFile(dataDir: string): string {
  return path.join(dataDir, 'secrets.json');
}

/** Reads the folder's secrets, adding (and saving) any that are missing. */
export function loadOrCreateSecrets(dataDir: string): LaunchSecrets {
  const file = secretsFile(dataDir);
  const stored = existsSync(file) ? parseSecrets(readFileSync(file, 'utf8'), file) : {};
  const secrets: LaunchSecrets = {
    jwtSecret: stored.jwtSecret ?? randomBytes(32).toString('hex'),
    postgresPassword: stored.postgresPassword ?? randomBytes(18).toString('hex'),
    registryMasterKey: stored.registryMasterKey ?? randomBytes(32).toString('base64'),
  };
  const changed = (Object.keys(secrets) as Array<keyof LaunchSecrets>).some((key) => secrets[key] !== stored[key]);
  if (changed) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
}

function parseSecrets(text: string, file: string): Partial<LaunchSecrets> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON: repair it, or delete it to generate new secrets.`);
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const text32 = (v: unknown) => (typeof v === 'string' && v.length >= 32 ? v : undefined);
  const key32 = (v: unknown) => (typeof v === 'string' && Buffer.from(v, 'base64').length === 32 ? v : undefined);
  return { jwtSecret: text32(record.jwtSecret), postgresPassword: text32(record.postgresPassword), registryMasterKey: key32(record.registryMasterKey) };
}
