import { existsSync } from 'node:fs';

/**
 * Debian's `chromium` package, driven by playwright-core (`npx playwright install` cannot download
 * browsers here). `.ci/run` installs it; where it is missing, browser tests skip and say why.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export const chromiumMissing = !existsSync(CHROMIUM_PATH);
if (chromiumMissing) {
  console.log(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
}
