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

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
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
 * A download saved to a file of its own, for reading: works whether the browser was launched
 * here or reached through a connection (which gives no local path to what it downloaded).
 */
export async function savedDownload(download: Download): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'carton-download-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}
