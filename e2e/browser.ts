/** Debian's Chromium, driven by playwright-core (which never downloads a browser). */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.HUIQI_E2E_CHROMIUM || '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}
