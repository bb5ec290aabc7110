// What a phone's huge photo costs the board's tab: the renderer's peak memory (Linux VmHWM of
// the page's renderer process, reset through /proc/<pid>/clear_refs before each measure) while
// 1. the board page places a 48 MP (8000 × 6000) or 108 MP (12000 × 9000) JPEG chosen from the
//    device, up to the image shape on the board (shrinking, upload, drawing it back), and
// 2. Chromium decodes the same file alone in a blank page, each way a page can: a full
//    createImageBitmap (what the board does), createImageBitmap with resizeWidth/resizeHeight
//    (`high`, `low`), and an <img> drawn into a 2560 × 1920 canvas (flushed by reading it back).
// The question is whether any of them decodes at a reduced size (a JPEG can be decoded at 1/2,
// 1/4, 1/8 in its DCT) instead of the photo's full 4 bytes per pixel (183 MiB at 48 MP).
//
// Builds NOTHING: it runs the built server (apps/server/dist/main.js) and the client in
// CARTON_WEB_DIR (default apps/web/dist). Linux only (/proc). Not part of `npm run bench`.
// Run: `node bench/photo/run.mjs [runs=2] [sizes=48,108]` (PHOTO_BOARD_ONLY=1: the board's rows
// only, to compare two builds). Results: bench/photo/README.md.
/* global window, document, OffscreenCanvas, createImageBitmap, Image, DataTransfer, MutationObserver */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../lib/chromium.mjs';
import { startServer } from '../lib/server.mjs';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
const WEB_DIR = process.env.CARTON_WEB_DIR ?? join(ROOT, 'apps/web/dist');
const RUNS = Number(process.argv[2] ?? 2);
const SIZES = { 48: [8000, 6000], 108: [12000, 9000] };
const WANTED = (process.argv[3] ?? '48,108').split(',');

/** The renderer processes running now (their command line says --type=renderer). */
function renderers() {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('--type=renderer'))
        pids.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return pids;
}

function kib(pid, key) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)[1]);
}

/** Resets every renderer's peak; returns a function giving the largest rise since, in MiB. */
function peakFromNow() {
  const start = new Map();
  for (const pid of renderers()) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      start.set(pid, kib(pid, 'VmRSS'));
    } catch {
      // Gone meanwhile.
    }
  }
  return () => {
    let rise = 0;
    for (const [pid, rss] of start) {
      try {
        rise = Math.max(rise, kib(pid, 'VmHWM') - rss);
      } catch {
        // Gone meanwhile.
      }
    }
    return rise / 1024;
  };
}

/** A phone photo of `width` × `height`: a carton's paper, rows of words, a red edge on its left. */
async function makePhoto(browser, width, height) {
  const page = await browser.newPage();
  const base64 = await page.evaluate(
    async ([w, h]) => {
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d');
      const paper = ctx.createLinearGradient(0, 0, w, h);
      paper.addColorStop(0, '#c9b48a');
      paper.addColorStop(1, '#f4efe4');
      ctx.fillStyle = paper;
      ctx.fillRect(0, 0, w, h);
      ctx.fillStyle = '#222';
      ctx.font = `${Math.round(h / 40)}px sans-serif`;
      for (let y = h / 20; y < h; y += h / 20)
        for (let x = 0; x < w; x += w / 4) ctx.fillText('Conditions de succès', x + 20, y);
      ctx.fillStyle = '#e00';
      ctx.fillRect(0, 0, w / 10, h);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    },
    [width, height],
  );
  await page.close();
  return Buffer.from(base64, 'base64');
}

/** Ways to decode the photo to the 2560 × 1920 the board sends; each resolves its sizes. */
const DECODERS = {
  'createImageBitmap, full (the board)': async (blob) => {
    const bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [2560, 1920];
    canvas.getContext('2d').drawImage(bitmap, 0, 0, 2560, 1920);
    const out = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    bitmap.close();
    return `${out.size} B`;
  },
  'createImageBitmap, resize high': async (blob) => {
    const bitmap = await createImageBitmap(blob, {
      imageOrientation: 'from-image',
      resizeWidth: 2560,
      resizeHeight: 1920,
      resizeQuality: 'high',
    });
    const sizes = `${bitmap.width} × ${bitmap.height}`;
    bitmap.close();
    return sizes;
  },
  'createImageBitmap, resize low': async (blob) => {
    const bitmap = await createImageBitmap(blob, {
      imageOrientation: 'from-image',
      resizeWidth: 2560,
      resizeHeight: 1920,
      resizeQuality: 'low',
    });
    const sizes = `${bitmap.width} × ${bitmap.height}`;
    bitmap.close();
    return sizes;
  },
  '<img> drawn into the canvas': async (blob) => {
    const img = new Image();
    img.src = URL.createObjectURL(blob);
    await new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = reject;
    });
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [2560, 1920];
    canvas.getContext('2d').drawImage(img, 0, 0, 2560, 1920);
    const out = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return `${out.size} B`;
  },
  '<img> loaded, not drawn (its size only)': async (blob) => {
    const img = new Image();
    img.src = URL.createObjectURL(blob);
    await new Promise((resolve, reject) => {
      img.onload = resolve;
      img.onerror = reject;
    });
    return `${img.naturalWidth} × ${img.naturalHeight}`;
  },
};

async function decodePeak(browser, photo, decode) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('http://photo.bench/**', (route) =>
    route.request().url().endsWith('.jpg')
      ? route.fulfill({ body: photo, contentType: 'image/jpeg' })
      : route.fulfill({ body: '<!doctype html><title>photo</title>', contentType: 'text/html' }),
  );
  await page.goto('http://photo.bench/');
  await page.evaluate(async () => {
    window.photo = await (await fetch('/photo.jpg')).blob();
  });
  const peak = peakFromNow();
  const said = await page.evaluate(`(${decode.toString()})(window.photo)`);
  const rise = peak();
  await context.close();
  return { rise, said };
}

/** A new forum's blank Kamouraska board, open in a laptop's page of its own and connected. */
async function openBoard(browser, server) {
  const response = await fetch(`${server.url}/api/forums`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Banc photo', territories: ['Kamouraska'], templates: false }),
  });
  const forum = await response.json();
  const board = forum.boards.find((b) => b.kind === 'territory');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => localStorage.setItem('carton.name', 'Émilie'));
  const page = await context.newPage();
  await page.goto(board.edit.url);
  await page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
    timeout: 20_000,
  });
  return { context, page };
}

async function boardPeak(browser, server, photoPath) {
  const { context, page } = await openBoard(browser, server);
  await page.waitForTimeout(500);
  const peak = peakFromNow();
  const started = Date.now();
  await page.locator('input[type="file"]').setInputFiles(photoPath);
  await page.waitForFunction(
    () => window.__carton?.shapes().some((shape) => shape.type === 'image'),
    null,
    { timeout: 120_000 },
  );
  const ms = Date.now() - started;
  const image = await page.evaluate(() =>
    window.__carton.shapes().find((shape) => shape.type === 'image'),
  );
  await page.waitForTimeout(500);
  const rise = peak();
  await context.close();
  return { rise, ms, said: `${image.naturalWidth} × ${image.naturalHeight}` };
}

/** DROPPED copies of the photo dropped on the board at once (a laptop's drag from its folder). */
async function dropPeak(browser, server, photo) {
  const { context, page } = await openBoard(browser, server);
  // Three files of different bytes (the server would store one photo three times otherwise).
  // Handed over as text: the board's service worker answers its own origin's fetches.
  const transfer = await page.evaluateHandle(
    async ([count, base64]) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      for (let i = 0; i < count; i++)
        data.items.add(
          new File([bytes, new Uint8Array([i])], `IMG_${i}.jpg`, { type: 'image/jpeg' }),
        );
      return data;
    },
    [DROPPED, photo.toString('base64')],
  );
  await page.waitForTimeout(500);
  // What the page says meanwhile (a refusal's toast is gone 8 s later).
  await page.evaluate(() => {
    window.benchToasts = [];
    new MutationObserver(() => {
      const text = document.querySelector('.toast')?.textContent;
      if (text && window.benchToasts.at(-1) !== text) window.benchToasts.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const peak = peakFromNow();
  const started = Date.now();
  await page.dispatchEvent('.canvas', 'drop', { dataTransfer: transfer });
  await page
    .waitForFunction(
      (count) =>
        window.__carton?.shapes().filter((shape) => shape.type === 'image').length === count,
      DROPPED,
      { timeout: 60_000 },
    )
    .catch(async (error) => {
      const state = await page.evaluate(() => ({
        images: window.__carton?.shapes().filter((shape) => shape.type === 'image').length,
        waiting: window.__carton?.waitingPhotos(),
        toasts: window.benchToasts,
      }));
      throw new Error(`the drop did not place ${DROPPED} photos: ${JSON.stringify(state)}`, {
        cause: error,
      });
    });
  const ms = Date.now() - started;
  await page.waitForTimeout(500);
  const rise = peak();
  await context.close();
  return { rise, ms, said: `${DROPPED} placed` };
}

/** How many photos the drop carries. */
const DROPPED = Number(process.env.PHOTO_DROPPED ?? 3);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await startServer('carton-photo-bench-', {
  CARTON_WEB_DIR: WEB_DIR,
  CARTON_LOG_LEVEL: 'warn',
});
const browser = await launchChromium();
const chromiumVersion = browser.version();
const folder = mkdtempSync(join(tmpdir(), 'carton-photo-bench-'));
const rows = [];
try {
  for (const mp of WANTED) {
    const [width, height] = SIZES[mp];
    const photo = await makePhoto(browser, width, height);
    const photoPath = join(folder, `IMG_${mp}MP.jpg`);
    writeFileSync(photoPath, photo);
    const label = `${mp} MP (${width} × ${height}, ${(photo.length / 1e6).toFixed(1)} MB)`;
    const full = ((width * height * 4) / 2 ** 20).toFixed(0);
    const board = [];
    for (let run = 0; run < RUNS; run++) board.push(await boardPeak(browser, server, photoPath));
    rows.push([
      label,
      'the board places it (chosen → image shape)',
      `${median(board.map((r) => r.rise)).toFixed(0)} MiB`,
      `${full} MiB`,
      `${board[0].said}, ${median(board.map((r) => r.ms))} ms`,
    ]);
    const dropped = [];
    for (let run = 0; run < RUNS; run++) dropped.push(await dropPeak(browser, server, photo));
    rows.push([
      label,
      `the board places ${DROPPED} dropped at once`,
      `${median(dropped.map((r) => r.rise)).toFixed(0)} MiB`,
      `${full} MiB each`,
      `${dropped[0].said}, ${median(dropped.map((r) => r.ms))} ms`,
    ]);
    for (const [name, decode] of Object.entries(DECODERS)) {
      if (process.env.PHOTO_BOARD_ONLY === '1') break;
      const runs = [];
      for (let run = 0; run < RUNS; run++) runs.push(await decodePeak(browser, photo, decode));
      rows.push([
        label,
        name,
        `${median(runs.map((r) => r.rise)).toFixed(0)} MiB`,
        `${full} MiB`,
        runs[0].said,
      ]);
    }
  }
} finally {
  await browser.close();
  server.stop();
  rmSync(folder, { recursive: true, force: true });
}

const version = readFileSync('/proc/version', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`${new Date().toISOString()} — Chromium ${chromiumVersion}, ${version}`);
console.log(`client: ${WEB_DIR}; medians of ${RUNS}`);
console.log('| photo | what | renderer peak rise | its pixels at full size | result |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
