// The browser tests drive Debian's chromium (apt-get install -y chromium) through playwright-core: no
// browser is downloaded. Like describeWith (@ishc/testing), a suite whose browser or database is missing
// is skipped locally and fails under CI=true, so CI never passes by skipping.
import { existsSync } from 'node:fs';
import { isAvailable } from '@ishc/testing';
import { Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH?.trim() || '/usr/bin/chromium';

export function describeWithBrowser(name: string, body: () => void): void {
  const missing: string[] = [];
  if (!existsSync(CHROMIUM_PATH)) missing.push(`chromium missing at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  if (!isAvailable('postgres')) missing.push(`postgres unreachable (TEST_DATABASE_URL=${process.env.TEST_DATABASE_URL ?? '(unset)'})`);
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  const reason = missing.join('; ');
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs chromium and postgres', () => {
        throw new Error(`CI=true and ${reason}: this suite must run in CI`);
      });
    });
  } else {
    describe.skip(`${name} [skipped: ${reason}]`, body);
  }
}

/** Headless; no sandbox, since CI runs as root in a container; Vietnamese browser UI (e.g. date inputs). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=vi-VN'] });
}
