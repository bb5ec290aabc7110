// A finger's drag on a slow phone: Chromium 390 × 844 (touch, mobile), CPU throttled by CDP
// (`Emulation.setCPUThrottlingRate`), on a territory board of ~150 shapes — the Témiscouata
// template carton, 60 notes with the seed's sentences, 30 hearts and stars, 30 arrows bound to
// notes and a photo. A note is dragged by CDP touch events (one move per 16 ms, like a finger on
// a 60 Hz screen), then a selection of 5 notes; frames are counted by requestAnimationFrame.
// Prints fps, frame gaps p50/p95/max and where the main thread's time went (CDP Profiler samples
// by their source file, through the build's source maps), at 1× and 4× CPU.
//
// Builds NOTHING: it runs the built app (`pnpm run build` first: apps/web/dist and
// apps/server/dist/main.js), or the client built in CARTON_WEB_DIR. Not part of `npm run bench`.
// Run: `node bench/phone/run.mjs [runs=1] [rates=1,4]`; PHONE_SOURCES=1 also lists the source
// files the JavaScript samples fell in, most first (PHONE_SOURCES=N: the N busiest, at least 40);
// PHONE_CALLERS=<regexp> counts the samples in matching sources by the first other source up
// their stacks, e.g. PHONE_CALLERS='zod|read/read' splits the validation by the board's reads
// and writes that ran it; PHONE_FUNCTIONS=<regexp> counts the samples with a function of a
// matching source on their stack, by the line the function starts at (PHONE_FUNCTIONS_SELF=1
// also splits the innermost one's samples by the file they fell in).
// Functions passed to page.evaluate run in the page.
/* global window, document, requestAnimationFrame */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { startServer } from '../lib/server.mjs';
import { countFrames, framesCounted, launchChromium, sleep } from './page.mjs';
import { profileSplitter } from './profile.mjs';
import {
  arrowBetween,
  importInto,
  shapeBases,
  stampOn,
  templateBoard,
  territoryFile,
} from './seed.mjs';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
// The server's own variable: a build kept elsewhere (to compare a before and an after).
const WEB_DIR = process.env.CARTON_WEB_DIR ?? join(ROOT, 'apps/web/dist');
const RUNS = Number(process.argv[2] ?? 1);
const RATES = (process.argv[3] ?? '1,4').split(',').map(Number);
const MOVES = 48;
const STEP_MS = 16;

// The seed's sentences (Témiscouata's and the region's « conditions »).
const SENTENCES = [
  'RH à l’écoute des besoins des citoyens.nes et engagés',
  'Liens de relais entre les organismes',
  'Vision réaliste de notre réalité (grand territoire)',
  'Concertation forte entre partenaires, partage des savoirs',
  'Avoir de l’aide en main d’œuvre : intervenants.es',
  'UN PROJET COMMUN, collectif = Revenu de base pour toutes',
  'Conditions qui permettent de combler des besoins de façon permanente',
  'Alléger les critères pour encourager l’initiative citoyenne',
  'Pouvoir développer de manière collective',
  'Financement systémique',
  'Souplesse et confiance dans la gestion locale',
  'Permettre l’expérimentation',
];
const NOTE_COLORS = ['yellow', 'pink', 'green', 'blue', 'orange'];

/** A 40 × 30 PNG (a flat colour): the board's photo. */
function png() {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const [w, h] = [40, 30];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      rows.set([90 + x * 3, 140, 60 + y * 4], y * (w * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The board file added to the template: notes in a grid on the carton, stamps, arrows, a photo. */
function boardFile(carton) {
  const shapes = [];
  const base = shapeBases();
  // 10 × 6 notes of 120 on the 1600 × 1000 carton, clear of each other (a tap picks one).
  const cols = 10;
  const gapX = (carton.w - 80) / cols;
  const gapY = (carton.h - 200) / 6;
  for (let i = 0; i < 60; i++) {
    const x = carton.x + 40 + (i % cols) * gapX;
    const y = carton.y + 160 + Math.floor(i / cols) * gapY;
    shapes.push({
      ...base('note', i, x, y),
      type: 'note',
      text: SENTENCES[i % SENTENCES.length],
      color: NOTE_COLORS[i % NOTE_COLORS.length],
      w: 120,
      h: 120,
    });
  }
  for (let i = 0; i < 30; i++) shapes.push(stampOn(base, i, shapes[i * 2]));
  for (let i = 0; i < 30; i++) shapes.push(arrowBetween(base, i, shapes[i * 2], shapes[i * 2 + 1]));
  shapes.push({
    ...base('image', 0, carton.x + carton.w - 460, carton.y + carton.h - 340),
    type: 'image',
    blobId: 'photo-temiscouata',
    w: 400,
    h: 300,
    mime: 'image/png',
    naturalWidth: 40,
    naturalHeight: 30,
  });
  return territoryFile(shapes, {
    'photo-temiscouata': { mime: 'image/png', data: png().toString('base64') },
  });
}

/** A forum with Témiscouata's template board, seeded through the board import API. */
async function seedBoard(url) {
  const { board, exported, carton } = await templateBoard(url, 'Banc du téléphone');
  await importInto(url, board, boardFile(carton));
  return { board, total: exported.shapes.length + 121 };
}

// --- Where the time went: profile samples by the source file their innermost frame maps to.

// The board write includes what it sets off: the socket's send, presence, the offline cache
// (IndexedDB copy and pending count).
const CATEGORIES = [
  [
    'board write',
    /yjs|lib0|zod|packages\/board|board\/shell|y-protocols|presence|offline\/|y-indexeddb/,
  ],
  ['React', /react-dom|react-reconciler|scheduler|react-konva|\/react\//],
  ['Konva draw', /konva/],
];

const otherSources = new Map();
const callerCounts = new Map();
const { split, sourceOf } = profileSplitter(WEB_DIR, {
  categories: CATEGORIES,
  program: 'browser (program)',
  onSample: countSample,
});

// PHONE_FUNCTIONS=<regexp>: samples with a function of a matching source on their stack (its
// time and its callees'), by the function's first line in that source, e.g.
// PHONE_FUNCTIONS='board/scene|ui/StatusBadge|board/input' (scene.ts:233 is where it starts).
const functionCounts = new Map();
function countFunctions(byNode, parent, sampleId) {
  const pattern = new RegExp(process.env.PHONE_FUNCTIONS);
  const seen = new Set();
  for (let id = sampleId; id !== undefined; id = parent.get(id)) {
    const { url, lineNumber, columnNumber } = byNode.get(id).callFrame;
    const at = url ? sourceOf(url, lineNumber, columnNumber, true) : null;
    if (!at || !pattern.test(at)) continue;
    // The innermost such function also counts alone: its share without the matched ones it
    // called (scene.sync without the culling its listeners run).
    if (seen.size === 0) seen.add(`innermost ${at.replace(/^.*node_modules\//, '')}`);
    if (seen.size === 1 && process.env.PHONE_FUNCTIONS_SELF) {
      const { url: u, lineNumber: l, columnNumber: c } = byNode.get(sampleId).callFrame;
      const self = (u && sourceOf(u, l, c)) || byNode.get(sampleId).callFrame.functionName;
      seen.add(`  ${at} → ${self.replace(/^.*node_modules\//, '')}`);
    }
    seen.add(at.replace(/^.*node_modules\//, ''));
  }
  for (const at of seen) functionCounts.set(at, (functionCounts.get(at) ?? 0) + 1);
}

/** PHONE_FUNCTIONS, PHONE_SOURCES and PHONE_CALLERS's counts of a JS sample. */
function countSample({ id, source, category, functionName, byNode, parent, nearest }) {
  if (process.env.PHONE_FUNCTIONS) countFunctions(byNode, parent, id);
  if (process.env.PHONE_SOURCES) {
    const k = `${category}: ${source?.replace(/^.*node_modules\//, '') ?? functionName}`;
    otherSources.set(k, (otherSources.get(k) ?? 0) + 1);
  }
  // PHONE_CALLERS=zod counts the samples in matching sources by the first other source up
  // their stacks (which of the board's reads and writes the validation's time belongs to).
  const callers = process.env.PHONE_CALLERS;
  if (callers && source && new RegExp(callers).test(source)) {
    let up = parent.get(id);
    while (up !== undefined && new RegExp(callers).test(nearest(up) ?? callers))
      up = parent.get(up);
    const by = up === undefined ? '(top)' : nearest(up);
    const k = `${callers} from ${by}`;
    callerCounts.set(k, (callerCounts.get(k) ?? 0) + 1);
  }
}

// --- The drag.

/** Drags from `at` by `dx` across MOVES touch moves, one each STEP_MS; returns frame figures. */
async function drag(page, cdp, at, dx, dy) {
  await countFrames(page);
  const point = (i) => [{ x: at.x + (dx * i) / MOVES, y: at.y + (dy * i) / MOVES }];
  const startedAt = await page.evaluate(() => performance.now());
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(0) });
  const t0 = Date.now();
  for (let i = 1; i <= MOVES; i++) {
    const wait = t0 + i * STEP_MS - Date.now();
    if (wait > 0) await sleep(wait);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(i) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  // The last move's frame.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return framesCounted(page, startedAt);
}

async function grip(page, id) {
  return page.evaluate((shapeId) => {
    const s = window.__carton.shapes().find((shape) => shape.id === shapeId);
    const canvas = document.querySelector('.canvas').getBoundingClientRect();
    // Off the arrows (at mid-height) and the stamps (top right), which lie above the notes.
    const p = window.__carton.worldToScreen(s.x + s.w * 0.3, s.y + s.h * 0.25);
    return { x: canvas.left + p.x, y: canvas.top + p.y };
  }, id);
}

async function tap(cdp, at) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  // Not a double tap.
  await sleep(400);
}

async function measure(browser, url, rate) {
  // A board of its own: a previous measure's drags moved notes onto others.
  const seeded = await seedBoard(url);
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: 'fr-CA',
  });
  await context.addInitScript(() => {
    localStorage.setItem('carton.name', 'Banc');
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(seeded.board.edit.url);
  await page.waitForFunction((n) => window.__carton?.shapes().length === n, seeded.total, {
    timeout: 60_000,
  });
  // The board opens with a glide to fit its content: measure once the camera is still.
  let camera = '';
  for (let tries = 0; tries < 20; tries++) {
    await sleep(500);
    const now = JSON.stringify(await page.evaluate(() => window.__carton.camera()));
    if (now === camera) break;
    camera = now;
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  // The import gave the shapes new ids: the seeded notes are the ones with its sentences.
  const notes = await page.evaluate(
    (texts) =>
      window.__carton
        .shapes()
        .filter((s) => s.type === 'note' && texts.includes(s.text))
        .sort((a, b) => (a.index < b.index ? -1 : 1))
        .map((s) => s.id),
    SENTENCES,
  );
  const zoom = await page.evaluate(() => window.__carton.camera().zoom);

  // One note (its bound arrows follow), 120 screen px to the right and down.
  const one = notes[12];
  const start = await page.evaluate((id) => window.__carton.shapes().find((s) => s.id === id), one);
  await tap(cdp, await grip(page, one));
  // Where to press is read before the profile starts: reading every shape is not the drag's.
  const oneAt = await grip(page, one);
  await cdp.send('Profiler.start');
  const single = await drag(page, cdp, oneAt, 90, 60);
  const { profile } = await cdp.send('Profiler.stop');
  // PHONE_PROFILE=file.cpuprofile keeps the one-note drag's profile (DevTools opens it).
  if (process.env.PHONE_PROFILE) writeFileSync(process.env.PHONE_PROFILE, JSON.stringify(profile));
  const singleSplit = split(profile);
  const moved = await page.evaluate((id) => window.__carton.shapes().find((s) => s.id === id), one);

  // Five notes chosen by Shift+taps, dragged by one of them.
  // Every other note of a row: a neighbour's finger-sized handles would take the tap.
  const five = [30, 32, 34, 36, 38].map((i) => notes[i]);
  await tap(cdp, await grip(page, five[0]));
  // Playwright's tap carries the held Shift on the touch's end too (a CDP touchEnd does not).
  await page.keyboard.down('Shift');
  for (const id of five.slice(1)) {
    const at = await grip(page, id);
    await page.touchscreen.tap(at.x, at.y);
    await sleep(400);
  }
  await page.keyboard.up('Shift');
  const chosen = await page.evaluate(() => window.__carton.selection().length);
  const xsOf = (ids) =>
    page.evaluate(
      (wanted) =>
        window.__carton
          .shapes()
          .filter((s) => wanted.includes(s.id))
          .map((s) => s.x),
      ids,
    );
  const before = await xsOf(five);
  const fiveAt = await grip(page, five[2]);
  await cdp.send('Profiler.start');
  const group = await drag(page, cdp, fiveAt, -90, 60);
  const groupSplit = split((await cdp.send('Profiler.stop')).profile);
  const after = await xsOf(five);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  // The measure means nothing if the shapes did not follow the finger.
  if (moved.x === start.x) throw new Error('the note did not move');
  if (chosen !== 5 || after.some((x, i) => x === before[i]))
    throw new Error(`the 5 notes did not all move (${chosen} chosen)`);
  return { total: seeded.total, zoom, single, singleSplit, group, groupSplit };
}

const fmt = (r) =>
  `${r.fps.toFixed(1).padStart(5)} fps  gap p50 ${r.p50.toFixed(0).padStart(3)}  p95 ${r.p95.toFixed(0).padStart(3)}  max ${r.max.toFixed(0).padStart(4)} ms  layer redraws ${r.draws.join('/')}`;
// The main thread's busy time per move is steadier than fps on a busy machine.
const fmtSplit = (s) =>
  `${(s.busyMs / MOVES).toFixed(1)} ms busy per move: ` +
  Object.entries(s.shares)
    .map(([k, v]) => `${k} ${v} %`)
    .join(', ');

const server = await startServer('carton-phone-');
const browser = await launchChromium();
try {
  console.log(`${MOVES} moves, one per ${STEP_MS} ms`);
  for (let run = 1; run <= RUNS; run++) {
    for (const rate of RATES) {
      // On a busy machine a tap is now and then taken for something else: measured again.
      let r = null;
      for (let attempt = 1; !r; attempt++) {
        try {
          r = await measure(browser, server.url, rate);
        } catch (error) {
          if (attempt === 3) throw error;
          console.log(`  (${error.message}: measured again)`);
        }
      }
      console.log(
        `run ${run}  ${rate}× CPU  ${r.total} shapes (Témiscouata), zoom ${(r.zoom * 100).toFixed(0)} %`,
      );
      console.log(`  one note   ${fmt(r.single)}   ${fmtSplit(r.singleSplit)}`);
      console.log(`  five notes ${fmt(r.group)}   ${fmtSplit(r.groupSplit)}`);
    }
  }
  if (process.env.PHONE_CALLERS) console.log([...callerCounts].sort((a, b) => b[1] - a[1]));
  if (process.env.PHONE_FUNCTIONS)
    console.log([...functionCounts].sort((a, b) => b[1] - a[1]).slice(0, 60));
  if (process.env.PHONE_SOURCES)
    // PHONE_SOURCES=N lists the N busiest files (40 by default).
    console.log(
      [...otherSources]
        .sort((a, b) => b[1] - a[1])
        .slice(0, Math.max(40, Number(process.env.PHONE_SOURCES) || 0)),
    );
} finally {
  await browser.close();
  server.stop();
}
