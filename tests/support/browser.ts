// Launches Debian's Chromium through playwright-core for end-to-end tests and benchmarks.
// The flags keep it quiet on a closed network; launch() already uses a fresh profile.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Download,
  type Page,
} from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Where the e2e run's one Chromium listens (browser-global.ts), when there is one: a websocket
 * endpoint whose path is a random secret, on loopback.
 */
export const SHARED_CHROMIUM_ENV = 'CARTON_TEST_CHROMIUM_ENDPOINT';

/**
 * A browser for one test file or benchmark. Under the e2e project's global setup, a connection
 * to the run's shared Chromium: its `close()` closes the contexts this file made and leaves the
 * browser to the others. Flags of one's own (`extraArgs`) need a Chromium of one's own.
 */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const shared = process.env[SHARED_CHROMIUM_ENV];
  if (shared && extraArgs.length === 0) return chromium.connect(shared);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export interface Participant {
  context: BrowserContext;
  page: Page;
  /** Browser console errors and page errors, for diagnosing a failure. */
  errors: string[];
}

/**
 * A new isolated participant (own storage, own identity) with a display name already
 * remembered, so the board opens without the name prompt.
 */
export async function newParticipant(
  browser: Browser,
  name: string | null,
  options: {
    viewport?: { width: number; height: number };
    locale?: string;
    hasTouch?: boolean;
    /** A phone's browser: meta viewport honoured, touch events, a mobile user agent. */
    isMobile?: boolean;
  } = {},
): Promise<Participant> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    locale: options.locale ?? 'fr-CA',
    hasTouch: options.hasTouch ?? false,
    isMobile: options.isMobile ?? false,
  });
  if (name !== null) {
    await context.addInitScript((n) => {
      try {
        if (!localStorage.getItem('carton.name')) localStorage.setItem('carton.name', n);
      } catch {
        // about:blank has no storage.
      }
    }, name);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { context, page, errors };
}

/**
 * A download saved to a file of its own, for reading: a browser reached through a connection
 * (the e2e run's shared Chromium) gives no path of its own to what it downloaded.
 */
export async function savedDownload(download: Download): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'carton-download-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}
