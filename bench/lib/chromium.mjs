// Chromium for the browser benchmarks Node runs as they are (.mjs), launched as the end-to-end
// tests launch it (tests/support/browser.ts): the system's, headless, no sandbox, no GPU, and none
// of its own background traffic (no QUIC, no component updates, no sync).
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}
