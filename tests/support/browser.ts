// Launches Debian's Chromium through playwright-core for end-to-end tests and benchmarks.
// The flags keep it quiet on a closed network; launch() already uses a fresh profile.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOWNLOADS_FOLDER_VARIABLE } from './browser-global.ts';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Download,
  type Page,
} from 'playwright-core';

/** Debian's `chromium`: what the benchmarks measure, the browser people run. */
const FULL_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Debian's `chromium-headless-shell`: the same Chromium (version, Blink, V8), built without the
 * browser's UI, which headless Chromium still composites every frame for. The e2e project sets
 * CARTON_HEADLESS_SHELL (vitest.config.ts): a board page's load took ~45 % less CPU with it
 * (6 loads: 8.6 against 15.0 s of CPU, 28 against 36 s, 28 November), and the end-to-end stage
 * is CPU-bound on CI's two cores. `npm test` installs it; without it, the full browser.
 */
const HEADLESS_SHELL_PATH = '/usr/bin/chromium-headless-shell';

export const CHROMIUM_PATH =
  process.env.CARTON_HEADLESS_SHELL === '1' && existsSync(HEADLESS_SHELL_PATH)
    ? HEADLESS_SHELL_PATH
    : FULL_CHROMIUM_PATH;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function launch(extraArgs: string[]): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * Set by the e2e project, whose files share their worker's modules and run one after another in
 * it: the worker keeps one Chromium for all its files. A launch costs ~1 s of CPU and wall time
 * on CI's machine; the e2e files launched 80 of them. Each file still gets a browser of its own
 * to close: closing it closes the contexts the file opened, not the process.
 */
const ONE_BROWSER_PER_WORKER = process.env.CARTON_ONE_BROWSER_PER_WORKER === '1';

let workerBrowser: Promise<Browser> | undefined;

/** The worker's Chromium, launched again if the last one died. */
async function sharedChromium(): Promise<Browser> {
  const known = await workerBrowser?.catch(() => undefined);
  if (known?.isConnected()) return known;
  workerBrowser = launch([]);
  return workerBrowser;
}

/** `browser` as one file's: `close()` closes every context left open, and the process lives on. */
function forOneFile(browser: Browser): Browser {
  const close = async () => {
    await Promise.all(browser.contexts().map((context) => context.close()));
  };
  return new Proxy(browser, {
    get(target, property) {
      if (property === 'close') return close;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Chromium with the quiet flags. Extra flags always mean a browser of its own (closed by its
 * `close()`); without them, in the e2e project, the worker's shared one.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (extraArgs.length > 0 || !ONE_BROWSER_PER_WORKER) return launch(extraArgs);
  return forOneFile(await sharedChromium());
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
  // The run's folder, which the e2e project's global setup removes after the run.
  const folder = process.env[DOWNLOADS_FOLDER_VARIABLE] ?? tmpdir();
  const path = join(mkdtempSync(join(folder, 'carton-download-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}
