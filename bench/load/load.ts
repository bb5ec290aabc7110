// First load of a board on a phone over slow venue wifi: a participant scans the QR code and the
// board page opens cold (empty cache), then is reloaded with the cache warm. Chromium (a phone's
// viewport, touch, mobile user agent) under CDP network emulation; bytes are what crossed the
// network (CDP Network.loadingFinished encodedDataLength: headers and encoded bodies), requests
// are those the page made (the board's socket excluded), the time runs from navigation start to
// the first frame of the board drawn. Medians of RUNS cold loads, each in a fresh context; then
// RUNS more with the page's CPU slowed as an inexpensive phone's (the time only, for information);
// then RUNS first visits over a venue's overloaded wifi (no name on the phone yet: the name is typed
// as soon as the page asks it), to the board's first frame.
// Run with `pnpm run build && node bench/load/run.mjs`.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../../tests/support/browser.ts';
import { createTerritoryBoard, startServer } from '../lib/browser-bench.ts';

const RUNS = 3;
/** "Slow venue wifi": a crowded access point shared by a room of phones. */
const NETWORK = { downloadKbps: 1_600, uploadKbps: 750, rttMs: 150 };
/**
 * A venue's overloaded wifi: a room of phones on one access point, as measured at a forum's
 * opening (29 November's notes). There the link, not the phone, sets the first frame: each KB the
 * board waits for costs ~20 ms.
 */
const OVERLOADED = { downloadKbps: 400, uploadKbps: 400, rttMs: 400 };
/**
 * Targets. 600 KB is ~3 s of transfer at 1.6 Mbps: with the round trips of a cold start (page,
 * scripts, fonts, the socket) the board is drawn within ~5 s of the scan, which a participant
 * waits for; the uncompressed client (~1.6 MB, ~9 s of transfer) is not. A warm reload should
 * cost only index.html's revalidation and the API's answers: ≤ 20 KB. Over the overloaded wifi a
 * first visit's board within 10 s of the scan: its name prompt comes at ~3.7 s, and the board
 * should follow soon after the name is typed (it was 10.4 s on 29 November, 415 KB).
 */
const TARGET = { coldKb: 600, coldMs: 5_000, warmKb: 20, overloadedMs: 10_000 };
/** An inexpensive phone's CPU against this machine's (for information: no target). */
const PHONE_CPU_SLOWDOWN = 4;

interface Load {
  bytes: number;
  requests: number;
  firstFrameMs: number;
}

async function throttle(page: Page, network = NETWORK): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: network.rttMs,
    downloadThroughput: (network.downloadKbps * 1000) / 8,
    uploadThroughput: (network.uploadKbps * 1000) / 8,
  });
  return cdp;
}

/** Opens `url` in `page` and counts what crossed the network until the board's first frame. */
async function open(
  page: Page,
  cdp: CDPSession,
  go: () => Promise<unknown>,
  before: () => Promise<unknown> = async () => undefined,
): Promise<Load> {
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.requestWillBeSent', () => requests++);
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
  });
  await go();
  await before();
  // Polled each animation frame; survives a navigation the page might make while it starts.
  await page.waitForFunction(
    () => (window as { __carton?: unknown }).__carton && document.querySelector('canvas'),
    null,
    { polling: 'raf', timeout: 120_000 },
  );
  // React commits and Konva draws on the next animation frames: the board is on screen after them.
  const firstFrameMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))),
      ),
  );
  // Whatever the first frame did not wait for (lazy fonts, the service worker's registration).
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
  return { bytes, requests, firstFrameMs };
}

/** A phone's context: its viewport, touch, and (`named`) a participant who already gave a name. */
async function phoneContext(browser: Browser, named = true): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-CA',
  });
  if (!named) return context;
  await context.addInitScript(() => {
    try {
      if (!localStorage.getItem('carton.name')) localStorage.setItem('carton.name', 'Banc');
    } catch {
      // about:blank has no storage.
    }
  });
  return context;
}

async function coldAndWarm(browser: Browser, url: string): Promise<{ cold: Load; warm: Load }> {
  const context = await phoneContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await throttle(page);
    const cold = await open(page, cdp, () => page.goto(url, { timeout: 120_000 }));
    await cdp.detach();
    const warmCdp = await throttle(page);
    const warm = await open(page, warmCdp, () => page.reload({ timeout: 120_000 }));
    return { cold, warm };
  } finally {
    await context.close();
  }
}

/**
 * The same cold load on an inexpensive phone: Chromium runs the page's main thread
 * `PHONE_CPU_SLOWDOWN` times slower than this machine, as many participants' phones are.
 */
async function coldOnSlowPhone(browser: Browser, url: string): Promise<Load> {
  const context = await phoneContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await throttle(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU_SLOWDOWN });
    return await open(page, cdp, () => page.goto(url, { timeout: 120_000 }));
  } finally {
    await context.close();
  }
}

/**
 * A first visit over the overloaded wifi: the page asks the participant's name (from its first
 * scripts and the board's info, before the board's code has come), which is typed at once.
 */
async function firstVisitOverloaded(browser: Browser, url: string): Promise<Load> {
  const context = await phoneContext(browser, false);
  try {
    const page = await context.newPage();
    const cdp = await throttle(page, OVERLOADED);
    return await open(
      page,
      cdp,
      () => page.goto(url, { timeout: 120_000, waitUntil: 'commit' }),
      async () => {
        const name = page.locator('input[name=displayName]');
        await name.fill('Banc', { timeout: 120_000 });
        await name.press('Enter');
      },
    );
  } finally {
    await context.close();
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

export async function main(repoRoot: string): Promise<void> {
  const server = await startServer(repoRoot);
  const browser = await launchBrowser();
  try {
    const board = await createTerritoryBoard(server.url);
    const runs: { cold: Load; warm: Load }[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldAndWarm(browser, board.edit.url));
    const slowPhone: Load[] = [];
    for (let i = 0; i < RUNS; i++) slowPhone.push(await coldOnSlowPhone(browser, board.edit.url));
    const slowPhoneMs = median(slowPhone.map((load) => load.firstFrameMs));
    const overloaded: Load[] = [];
    for (let i = 0; i < RUNS; i++)
      overloaded.push(await firstVisitOverloaded(browser, board.edit.url));
    const overloadedMs = median(overloaded.map((load) => load.firstFrameMs));
    const cold = {
      bytes: median(runs.map((r) => r.cold.bytes)),
      requests: median(runs.map((r) => r.cold.requests)),
      ms: median(runs.map((r) => r.cold.firstFrameMs)),
    };
    const warm = {
      bytes: median(runs.map((r) => r.warm.bytes)),
      requests: median(runs.map((r) => r.warm.requests)),
    };
    const net = `${NETWORK.downloadKbps / 1000} Mbps down, ${NETWORK.uploadKbps} kbps up, ${NETWORK.rttMs} ms RTT`;
    console.log(
      `First load: a board link opened on a phone (390 × 844) over slow venue wifi (${net}), medians of ${RUNS}`,
    );
    console.log('| first load | measured | target | met |');
    console.log('| --- | --- | --- | --- |');
    console.log(
      `| first load, cold cache: bytes transferred | ${kb(cold.bytes)} (${cold.requests} requests) | ≤ ${TARGET.coldKb} KB | ${met(cold.bytes <= TARGET.coldKb * 1024)} |`,
    );
    console.log(
      `| first load, cold cache: navigation to the board's first frame | ${cold.ms.toFixed(0)} ms | ≤ ${TARGET.coldMs} ms | ${met(cold.ms <= TARGET.coldMs)} |`,
    );
    console.log(
      `| first load, cold cache, a phone's CPU ${PHONE_CPU_SLOWDOWN}× slower: navigation to the board's first frame | ${slowPhoneMs.toFixed(0)} ms | — (information) | — |`,
    );
    console.log(
      `| first visit over overloaded venue wifi (${OVERLOADED.downloadKbps} kbps, ${OVERLOADED.rttMs} ms RTT; the name typed when asked): navigation to the board's first frame | ${overloadedMs.toFixed(0)} ms (${kb(median(overloaded.map((load) => load.bytes)))}) | ≤ ${TARGET.overloadedMs} ms | ${met(overloadedMs <= TARGET.overloadedMs)} |`,
    );
    console.log(
      `| reload, cache warm: bytes transferred | ${kb(warm.bytes)} (${warm.requests} requests) | ≤ ${TARGET.warmKb} KB | ${met(warm.bytes <= TARGET.warmKb * 1024)} |`,
    );
    console.error(
      `a phone's CPU ${PHONE_CPU_SLOWDOWN}× slower, cold: ${slowPhone.map((load) => `${load.firstFrameMs.toFixed(0)} ms`).join(', ')}`,
    );
    console.error(
      `overloaded wifi, first visit: ${overloaded.map((load) => `${load.firstFrameMs.toFixed(0)} ms, ${load.bytes} B, ${load.requests} requests`).join('; ')}`,
    );
    for (const [i, r] of runs.entries()) {
      console.error(
        `run ${i + 1}: cold ${r.cold.bytes} B, ${r.cold.requests} requests, ${r.cold.firstFrameMs.toFixed(0)} ms; warm ${r.warm.bytes} B, ${r.warm.requests} requests, ${r.warm.firstFrameMs.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    server.stop();
  }
}
