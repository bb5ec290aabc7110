// A participant's inexpensive Android phone at a forum, with the whole table on the board: Chromium
// at 390 × 844 (touch, mobile), CPU slowed by CDP (`Emulation.setCPUThrottlingRate`), on a
// territory carton of the template with ~40 notes, headings, 15 pen drawings, hearts and stars,
// arrows and 8 photos (phone JPEGs of 2560 × 1920, as Carton sends them after shrinking), while
// 9 other participants (stock y-websocket clients) move their cursors at 20 Hz and now and then
// nudge a note. Prints:
// - the first load over slow venue wifi (1.6 Mbps down, 150 ms RTT, CPU slowed): navigation to
//   the board's shapes all read, to every photo drawn; bytes by kind; the photos' pixels against
//   the size they are shown at;
// - frames (requestAnimationFrame gaps), each Konva layer's redraws and where the main thread
//   went (CDP Profiler, by source file through the build's source maps), for 5 s each: still with
//   nobody moving, still with the 9 cursors moving, a two-finger pan and a pinch with them;
// - a double tap on a note to its editor's focus (the keyboard comes up), and a key to its
//   letter in the field and the next frame;
// - the JS heap.
//
// Builds NOTHING: it runs apps/server/dist/main.js and the client in CARTON_WEB_DIR (or
// apps/web/dist). Not part of `npm run bench`. Run: `node bench/phone/crowd.mjs [rate=4]`;
// CROWD_SOURCES=N also lists the N busiest source files of the cursor phases.
/* global window, document, requestAnimationFrame, devicePixelRatio */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../lib/server.mjs';
import { countFrames, framesCounted, launchChromium, sleep } from './page.mjs';
import { profileSplitter } from './profile.mjs';
import { crowd, photos, PEERS, PHOTOS, seedBoard } from './table.mjs';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
const WEB_DIR = process.env.CARTON_WEB_DIR ?? join(ROOT, 'apps/web/dist');
const RATE = Number(process.argv[2] ?? 4);
const PHASE_MS = 5000;
const { split, busiest } = profileSplitter(WEB_DIR);

/** Frames and layer redraws in the page while `act` runs, with the main thread's profile. */
async function phase(page, cdp, act) {
  await countFrames(page);
  await cdp.send('Profiler.start');
  await act();
  const { profile } = await cdp.send('Profiler.stop');
  return { ...(await framesCounted(page)), ...split(profile) };
}

/** Two fingers moved over PHASE_MS: `spread` apart per step (a pinch), or together (a pan). */
async function twoFingers(cdp, centre, spread, dx) {
  const steps = Math.round(PHASE_MS / 16);
  const at = (i) => {
    // Back and forth: the view ends where it began.
    const k = Math.sin((i / steps) * Math.PI * 2);
    const half = 60 + spread * k;
    return [
      { x: centre.x - half + dx * k, y: centre.y, id: 1 },
      { x: centre.x + half + dx * k, y: centre.y + 10, id: 2 },
    ];
  };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  const t0 = Date.now();
  for (let i = 1; i <= steps; i++) {
    const wait = t0 + i * 16 - Date.now();
    if (wait > 0) await sleep(wait);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Double tap on a note to its editor's focus; a key to its letter in the field, then a frame. */
async function tapToType(page, cdp, noteId) {
  const where = () =>
    page.evaluate((id) => {
      const s = window.__carton.shapes().find((shape) => shape.id === id);
      const canvas = document.querySelector('.canvas').getBoundingClientRect();
      const p = window.__carton.worldToScreen(s.x + s.w * 0.4, s.y + s.h * 0.6);
      return { x: canvas.left + p.x, y: canvas.top + p.y };
    }, noteId);
  // Zoomed in on it first, as a participant does: fitted to the board, a note is 10 px wide.
  for (let round = 0; round < 3; round++) {
    const c = await where();
    const fingers = (i) => [
      { x: c.x - 20 - i * 4, y: c.y, id: 1 },
      { x: c.x + 20 + i * 4, y: c.y, id: 2 },
    ];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(0) });
    for (let i = 1; i <= 25; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(i) });
      await sleep(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await sleep(600);
  }
  const at = await page.evaluate((id) => {
    const s = window.__carton.shapes().find((shape) => shape.id === id);
    const canvas = document.querySelector('.canvas').getBoundingClientRect();
    const p = window.__carton.worldToScreen(s.x + s.w * 0.4, s.y + s.h * 0.6);
    return { x: canvas.left + p.x, y: canvas.top + p.y };
  }, noteId);
  await page.evaluate(() => {
    const marks = {};
    window.__crowdMarks = marks;
    window.addEventListener('touchstart', () => (marks.touch = performance.now()), true);
    document.addEventListener('focusin', (e) => {
      if (e.target.tagName === 'TEXTAREA' && !marks.focus) marks.focus = performance.now();
    });
    document.addEventListener('keydown', () => (marks.key = performance.now()), true);
    document.addEventListener('input', () => {
      marks.input = performance.now();
      requestAnimationFrame(() => (marks.frame = performance.now()));
    });
  });
  for (let n = 0; n < 2; n++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    if (n === 0) await sleep(120);
  }
  await page.waitForFunction(() => window.__crowdMarks.focus, null, { timeout: 20_000 });
  await sleep(500);
  await page.keyboard.press('a');
  await page.waitForFunction(() => window.__crowdMarks.frame, null, { timeout: 20_000 });
  const m = await page.evaluate(() => window.__crowdMarks);
  return { focus: m.focus - m.touch, key: m.input - m.key, frame: m.frame - m.key };
}

/**
 * CROWD_TRACE=1: 3 s of a Chromium trace with the cursors moving: the renderer's main thread's
 * time by event name (complete events, nested ones counted inside their parents too).
 */
async function traced(cdp) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await sleep(3000);
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byName = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== main?.pid || e.tid !== main?.tid || !e.dur) continue;
    const k = byName.get(e.name) ?? { ms: 0, n: 0 };
    byName.set(e.name, { ms: k.ms + e.dur / 1000, n: k.n + 1 });
  }
  return [...byName]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 16)
    .map(([k, v]) => `${k} ${(v.ms / 3).toFixed(0)} ms/s (${(v.n / 3).toFixed(0)}/s)`)
    .join(', ');
}

const server = await startServer('carton-crowd-');
const browser = await launchChromium();
let people = null;
try {
  const seeded = await seedBoard(server.url, await photos(browser));
  people = await crowd(server.url, seeded.board, seeded.carton);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
    locale: 'fr-CA',
  });
  await context.addInitScript(() => localStorage.setItem('carton.name', 'Banc'));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6e6 / 8) | 0,
    uploadThroughput: (750e3 / 8) | 0,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  const requests = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response, type }) =>
    requests.set(requestId, { url: response.url, type, bytes: 0 }),
  );
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const r = requests.get(requestId);
    if (r) r.bytes = encodedDataLength;
  });
  const t0 = Date.now();
  await page.goto(seeded.board.edit.url);
  await page.waitForFunction((n) => window.__carton?.shapes().length === n, seeded.total, {
    timeout: 120_000,
    polling: 50,
  });
  const shapesAt = Date.now() - t0;
  // Every photo drawn from its picture: no grey block left (ShapesContent draws a Konva.Image).
  await page
    .waitForFunction(
      (count) =>
        (window.Konva?.stages[0]?.find('Image') ?? []).filter((n) => n.image()).length >= count,
      PHOTOS,
      { timeout: 180_000, polling: 200 },
    )
    .catch(() => null);
  const photosAt = Date.now() - t0;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  const kinds = new Map();
  for (const r of requests.values()) {
    const kind = /\/images?\//.test(r.url) ? 'photos' : r.type;
    const k = kinds.get(kind) ?? { n: 0, bytes: 0 };
    kinds.set(kind, { n: k.n + 1, bytes: k.bytes + r.bytes });
  }
  const shown = await page.evaluate(() => {
    const stage = window.Konva.stages[0];
    const zoom = window.__carton.camera().zoom;
    return stage
      .find('Image')
      .filter((n) => n.image())
      .map((n) => {
        const img = n.image();
        return {
          source: `${img.naturalWidth ?? img.width}×${img.naturalHeight ?? img.height}`,
          shown: `${Math.round(n.width() * zoom * devicePixelRatio)}×${Math.round(n.height() * zoom * devicePixelRatio)}`,
        };
      });
  });
  console.log(
    `${RATE}× CPU, 390 × 844 at 2×, ${seeded.total} shapes, ${PEERS} others on the board`,
  );
  console.log(
    `first load (1.6 Mbps, 150 ms): shapes read ${shapesAt} ms, every photo drawn ${photosAt} ms`,
  );
  for (const [kind, k] of kinds)
    console.log(
      `  ${kind.padEnd(10)} ${String(k.n).padStart(3)} requests ${(k.bytes / 1024).toFixed(0).padStart(6)} KB`,
    );
  const sizes = new Map();
  for (const s of shown)
    sizes.set(
      `${s.source} drawn at ${s.shown} device px`,
      (sizes.get(`${s.source} drawn at ${s.shown} device px`) ?? 0) + 1,
    );
  for (const [k, n] of sizes) console.log(`  photos: ${n} × ${k}`);

  // The board settles (its opening glide, the photos' far copies).
  await sleep(2000);
  const centre = { x: 195, y: 450 };
  const fmt = (name, r) =>
    `${name.padEnd(30)} ${r.fps.toFixed(1).padStart(5)} fps  gap p50 ${r.p50.toFixed(0).padStart(3)} p95 ${r.p95.toFixed(0).padStart(3)} max ${r.max.toFixed(0).padStart(4)} ms  redraws ${r.draws.join('/')}  busy ${(r.busyMs / r.seconds / 10).toFixed(0)} %: ` +
    Object.entries(r.shares)
      .map(([k, v]) => `${k} ${v} %`)
      .join(', ');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  // The heap that stays: garbage collected first.
  await cdp.send('HeapProfiler.collectGarbage');
  const heap0 = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  console.log(fmt('still, nobody moving', await phase(page, cdp, () => sleep(PHASE_MS))));
  people.state.moving = true;
  await sleep(500);
  console.log(fmt('still, 9 cursors at 20 Hz', await phase(page, cdp, () => sleep(PHASE_MS))));
  if (process.env.CROWD_SOURCES) console.log(busiest(Number(process.env.CROWD_SOURCES)));
  if (process.env.CROWD_TRACE) console.log(await traced(cdp));
  console.log(
    fmt('two-finger pan, 9 cursors', await phase(page, cdp, () => twoFingers(cdp, centre, 0, 80))),
  );
  if (process.env.CROWD_SOURCES) console.log(busiest(Number(process.env.CROWD_SOURCES)));
  console.log(
    fmt('pinch, 9 cursors', await phase(page, cdp, () => twoFingers(cdp, centre, 70, 0))),
  );
  const note = await page.evaluate(
    () =>
      window.__carton.shapes().find((s) => s.type === 'note' && s.text.startsWith('Financement'))
        .id,
  );
  const typed = await tapToType(page, cdp, note).catch(async (error) => {
    const shot = join(tmpdir(), 'crowd-tap.png');
    await page.screenshot({ path: shot });
    throw new Error(`${error.message} (the page: ${shot})`);
  });
  console.log(
    `double tap to the note's editor focused ${typed.focus.toFixed(0)} ms; key to its letter in the field ${typed.key.toFixed(0)} ms, to the next frame ${typed.frame.toFixed(0)} ms`,
  );
  await cdp.send('HeapProfiler.collectGarbage');
  const heap1 = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  console.log(
    `JS heap ${(heap0 / 2 ** 20).toFixed(1)} MB after the load (garbage collected), ${(heap1 / 2 ** 20).toFixed(1)} MB after the phases (${people.state.edits} edits by the others)`,
  );
  if (process.env.CROWD_SOURCES) console.log(busiest(Number(process.env.CROWD_SOURCES)));
  await context.close();
} finally {
  people?.close();
  await browser.close();
  server.stop();
}
