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
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

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

function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'carton-phone-'));
  const proc = spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js')], {
    env: { ...process.env, PORT: '0', HOST: 'localhost', CARTON_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  proc.stdout.resume();
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server not ready')), 15_000);
    const onData = (chunk) => {
      out += chunk.toString();
      const match = /Carton listening on (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      proc.stdout.off('data', onData);
      resolve({
        url: match[1],
        stop() {
          proc.kill('SIGKILL');
          rmSync(dataDir, { recursive: true, force: true });
        },
      });
    };
    proc.stdout.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`the server exited (${code}): is it built?`)));
  });
}

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
  const id = (kind, i) => `shape:${kind}${String(i).padStart(26 - kind.length, '0')}`;
  let index = 0;
  // Fractional indexes above the template's: « b » and two base-62 digits. The import API
  // takes no parent outside its file: the notes lie on the carton without belonging to it.
  const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const base = (kind, i, x, y) => {
    const n = index++;
    return {
      id: id(kind, i),
      x,
      y,
      rotation: 0,
      index: `b${DIGITS[Math.floor(n / 62)]}${DIGITS[n % 62]}`,
      parentId: null,
    };
  };
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
  for (let i = 0; i < 30; i++) {
    const note = shapes[i * 2];
    shapes.push({
      ...base('stamp', i, note.x + 90, note.y - 16),
      type: 'stamp',
      kind: i % 2 ? 'star' : 'heart',
      size: 40,
      color: i % 2 ? 'orange' : 'red',
    });
  }
  for (let i = 0; i < 30; i++) {
    const from = shapes[i * 2];
    const to = shapes[i * 2 + 1];
    shapes.push({
      ...base('arrow', i, from.x + 120, from.y + 60),
      type: 'arrow',
      start: { x: 0, y: 0 },
      end: { x: to.x - from.x - 120, y: 0 },
      startBinding: { shapeId: from.id, anchor: { x: 1, y: 0.5 } },
      endBinding: { shapeId: to.id, anchor: { x: 0, y: 0.5 } },
      color: 'black',
      width: 4,
    });
  }
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
  return {
    format: 'carton-board',
    version: 1,
    meta: { schemaVersion: 1, title: 'Conditions de succès — Témiscouata', kind: 'territory' },
    shapes,
    images: { 'photo-temiscouata': { mime: 'image/png', data: png().toString('base64') } },
  };
}

async function json(response, what) {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A forum with Témiscouata's template board, seeded through the board import API. */
async function seedBoard(url) {
  const forum = await json(
    await fetch(`${url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Banc du téléphone', territories: ['Témiscouata'] }),
    }),
    'POST /api/forums',
  );
  const board = forum.boards.find((b) => b.kind === 'territory');
  const auth = { Authorization: `Bearer ${board.edit.token}` };
  const exported = await json(
    await fetch(`${url}/api/boards/${board.id}/export.json`, { headers: auth }),
    'export.json',
  );
  const carton = exported.shapes.find((s) => s.type === 'carton');
  await json(
    await fetch(`${url}/api/boards/${board.id}/import`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify(boardFile(carton)),
    }),
    'import',
  );
  return { board, total: exported.shapes.length + 121 };
}

// --- Where the time went: profile samples by the source file their innermost frame maps to.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Per generated line: sorted [column, sourceIndex, sourceLine] triples of a source map v3. */
function decodeMap(map) {
  const lines = [];
  let source = 0;
  let sourceLine = 0;
  for (const line of map.mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = B64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) {
        source += values[1];
        sourceLine += values[2] ?? 0;
        segments.push([column, source, sourceLine]);
      }
      // The source's column is not needed: the file says the category, its line the function.
    }
    lines.push(segments);
  }
  return lines;
}

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

function categorise(sourcePath) {
  for (const [name, pattern] of CATEGORIES) if (pattern.test(sourcePath)) return name;
  return 'other JS';
}

const mapCache = new Map();
const otherSources = new Map();
const callerCounts = new Map();
function sourceOf(url, line, column, withLine = false) {
  const file = /\/assets\/[^/?#]+\.js/.exec(url)?.[0];
  if (!file) return null;
  if (!mapCache.has(file)) {
    try {
      const map = JSON.parse(readFileSync(join(WEB_DIR, `${file}.map`), 'utf8'));
      mapCache.set(file, { sources: map.sources, lines: decodeMap(map) });
    } catch {
      mapCache.set(file, null);
    }
  }
  const map = mapCache.get(file);
  const segments = map?.lines[line];
  if (!segments?.length) return null;
  let found = segments[0];
  for (const segment of segments) if (segment[0] <= column) found = segment;
  const source = map.sources[found[1]] ?? null;
  return source && withLine ? `${source}:${found[2] + 1}` : source;
}

// PHONE_FUNCTIONS=<regexp>: samples with a function of a matching source on their stack (its
// time and its callees'), by the function's first line in that source, e.g.
// PHONE_FUNCTIONS='board/scene|ui/StatusBadge|board/input' (scene.ts:233 is where it starts).
const functionCounts = new Map();
function countFunctions(profile, byNode, parent, sampleId) {
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

/**
 * Share of the profile's busy samples (idle left out) by category: a sample counts for the
 * nearest frame up its stack whose source the maps name (a canvas call counts for Konva, a
 * socket send for the board write that made it).
 */
function split(profile) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const sourceCache = new Map();
  const nearestSource = (id) => {
    if (sourceCache.has(id)) return sourceCache.get(id);
    const { url, lineNumber, columnNumber } = byNode.get(id).callFrame;
    let source = url ? sourceOf(url, lineNumber, columnNumber) : null;
    if (!source && parent.has(id)) source = nearestSource(parent.get(id));
    sourceCache.set(id, source);
    return source;
  };
  const counts = new Map();
  let busy = 0;
  let busyUs = 0;
  for (const [i, id] of profile.samples.entries()) {
    const { functionName } = byNode.get(id).callFrame;
    if (functionName === '(idle)') continue;
    busy++;
    busyUs += profile.timeDeltas[i + 1] ?? 0;
    let category;
    if (functionName === '(program)') category = 'browser (program)';
    else if (functionName === '(garbage collector)') category = 'GC';
    else {
      const source = nearestSource(id);
      category = source ? categorise(source) : 'other JS';
      if (process.env.PHONE_FUNCTIONS) countFunctions(profile, byNode, parent, id);
      if (process.env.PHONE_SOURCES) {
        const k = `${category}: ${source?.replace(/^.*node_modules\//, '') ?? functionName}`;
        otherSources.set(k, (otherSources.get(k) ?? 0) + 1);
      }
      // PHONE_CALLERS=zod counts the samples in matching sources by the first other source up
      // their stacks (which of the board's reads and writes the validation's time belongs to).
      const callers = process.env.PHONE_CALLERS;
      if (callers && source && new RegExp(callers).test(source)) {
        let up = parent.get(id);
        while (up !== undefined && new RegExp(callers).test(nearestSource(up) ?? callers))
          up = parent.get(up);
        const by = up === undefined ? '(top)' : nearestSource(up);
        const k = `${callers} from ${by}`;
        callerCounts.set(k, (callerCounts.get(k) ?? 0) + 1);
      }
    }
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return {
    busyMs: busyUs / 1000,
    shares: Object.fromEntries(
      [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round((v / busy) * 100)]),
    ),
  };
}

// --- The drag.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

/** Drags from `at` by `dx` across MOVES touch moves, one each STEP_MS; returns frame figures. */
async function drag(page, cdp, at, dx, dy) {
  await page.evaluate(() => {
    // Konva puts itself on window: count each layer's redraws (static, drag, interaction).
    const layers = window.Konva?.stages[0]?.getLayers() ?? [];
    window.__phoneDraws = layers.map(() => 0);
    layers.forEach((layer, i) => {
      layer.drawScene = function (...args) {
        if (window.__phoneDraws) window.__phoneDraws[i]++;
        return Object.getPrototypeOf(this).drawScene.apply(this, args);
      };
    });
    const times = [];
    window.__phoneFrames = times;
    const step = (t) => {
      times.push(t);
      if (window.__phoneFrames === times) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
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
  const { times, draws } = await page.evaluate((from) => {
    const all = window.__phoneFrames.filter((t) => t >= from);
    const counted = window.__phoneDraws;
    window.__phoneFrames = null;
    window.__phoneDraws = null;
    for (const layer of window.Konva?.stages[0]?.getLayers() ?? []) delete layer.drawScene;
    return { times: all, draws: counted };
  }, startedAt);
  const gaps = times
    .slice(1)
    .map((t, i) => t - times[i])
    .sort((a, b) => a - b);
  const elapsed = times[times.length - 1] - times[0];
  return {
    fps: ((times.length - 1) / elapsed) * 1000,
    p50: percentile(gaps, 0.5),
    p95: percentile(gaps, 0.95),
    max: gaps[gaps.length - 1],
    draws,
  };
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

const server = await startServer();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
});
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
