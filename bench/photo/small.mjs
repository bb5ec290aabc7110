// R71: what a phone downloads for a board's photos, full (R36) against small copies (R71), and
// what a small copy costs the server. Against the BUILT server (apps/server/dist/main.js, a fresh
// SQLite directory), over loopback:
// 1. a board of 8 phone photos as the web client uploads them (2560 × 1920 JPEG, q 0.85,
//    ~1 MB each): the bytes of the 8 full images and of the 8 small copies, and what they take
//    at a venue's 1.6 Mbps (computed: bytes × 8 / 1.6 Mbit/s; no link is throttled);
// 2. a 12 MP photo uploaded as is (4000 × 3000, a script or an older client): the time of the
//    first GET …/small (the copy made: read from SQLite, decoded shrunk, encoded) and of the
//    second (answered from memory), medians over fresh photos; and the server's CPU time for
//    the copy (/proc/<pid>/stat, every thread: the first GETs' CPU less the second GETs'), which
//    other work on the machine changes less than the wall time.
// The photos are blurred noise under lines of text (made with sharp), the text different in
// each, so each is a blob of its own; noise is harder to compress than a real carton, so the copies are if anything
// larger than a real photo's.
// Run: `node bench/photo/small.mjs [runs=5]` (~10 s; after `pnpm --filter @carton/server run
// build`). Not part of `npm run bench`. Results: bench/photo/README.md.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../lib/server.mjs';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
// The server's own sharp (a server dependency, not the bench's).
const sharp = createRequire(join(ROOT, 'apps/server/package.json'))('sharp');
const RUNS = Number(process.argv[2] ?? 5);
const BOARD_PHOTOS = 8;
const VENUE_BITS_PER_SECOND = 1.6e6;
/**
 * Targets: a board's small copies ≤ 1/10 of its full photos; a 12 MP copy ≤ 100 ms of the
 * server's CPU (its wall time, printed too, grows with whatever else the 2 cores run).
 */
const TARGET_RATIO = 0.1;
const TARGET_COPY_MS = 100;

const noises = new Map();

/** A photo of `width` × `height`, different for each `seed` (its lines of text). */
async function makePhoto(width, height, seed, quality) {
  const key = `${width}x${height}`;
  if (!noises.has(key)) {
    const noise = sharp({
      create: { width, height, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 50 } },
    });
    noises.set(key, await noise.blur(1.5).png({ compressionLevel: 0 }).toBuffer());
  }
  let svg = `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`;
  svg += `<rect width="${width / 10}" height="${height}" fill="#e00"/>`;
  for (let y = height / 20; y < height; y += height / 20) {
    svg += `<text x="${width / 8}" y="${y}" font-size="${height / 30}" fill="#222">`;
    svg += `Conditions de succès ${seed}-${y}</text>`;
  }
  svg += '</svg>';
  return sharp(noises.get(key))
    .composite([{ input: Buffer.from(svg) }])
    .jpeg({ quality })
    .toBuffer();
}

async function json(response) {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return response.json();
}

const loadBefore = loadavg()[0].toFixed(1);
const server = await startServer('carton-small-photo-bench-', { CARTON_LOG_LEVEL: 'warn' });

/** The server's CPU time so far (user + system, all threads), in ms (clock ticks of 10 ms). */
function serverCpuMs() {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
try {
  const forum = await json(
    await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Banc photo', territories: ['Kamouraska'], templates: false }),
    }),
  );
  const board = forum.boards.find((b) => b.kind === 'territory');
  const upload = async (bytes) =>
    (
      await json(
        await fetch(`${server.url}/api/boards/${board.id}/images`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${board.edit.token}` },
          body: bytes,
        }),
      )
    ).blobId;
  /** The answer's bytes and the time to its last byte. */
  const fetchImage = async (blobId, small) => {
    const started = performance.now();
    const response = await fetch(
      `${server.url}/api/boards/${board.id}/images/${blobId}${small ? '/small' : ''}`,
      { headers: { Authorization: `Bearer ${board.view.token}` } },
    );
    const bytes = (await response.arrayBuffer()).byteLength;
    if (response.status !== 200) throw new Error(`GET ${blobId}: ${response.status}`);
    return { bytes, ms: performance.now() - started };
  };

  // 1. A board of 8 phone photos, fetched as a phone does: all at once.
  const boardPhotos = [];
  for (let i = 0; i < BOARD_PHOTOS; i++)
    boardPhotos.push(await upload(await makePhoto(2560, 1920, i, 85)));
  const full = await Promise.all(boardPhotos.map((id) => fetchImage(id, false)));
  const coldStarted = performance.now();
  const coldCpu = serverCpuMs();
  const small = await Promise.all(boardPhotos.map((id) => fetchImage(id, true)));
  const coldMs = performance.now() - coldStarted;
  const boardCpuMs = serverCpuMs() - coldCpu;
  const sum = (rows) => rows.reduce((total, row) => total + row.bytes, 0);
  const seconds = (bytes) => (bytes * 8) / VENUE_BITS_PER_SECOND;
  const [fullBytes, smallBytes] = [sum(full), sum(small)];

  // 2. A 12 MP photo's copy: the first request makes it, the second is answered from memory.
  const first = [];
  const again = [];
  let [firstCpu, againCpu] = [0, 0];
  for (let run = 0; run < RUNS; run++) {
    const blobId = await upload(await makePhoto(4000, 3000, 100 + run, 92));
    let cpu = serverCpuMs();
    first.push((await fetchImage(blobId, true)).ms);
    firstCpu += serverCpuMs() - cpu;
    cpu = serverCpuMs();
    again.push((await fetchImage(blobId, true)).ms);
    againCpu += serverCpuMs() - cpu;
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const copyMs = median(first) - median(again);
  const copyCpuMs = (firstCpu - againCpu) / RUNS;

  const kB = (bytes) => `${(bytes / 1000).toFixed(0)} kB`;
  const ratio = smallBytes / fullBytes;
  console.log(
    `${new Date().toISOString()} — small copies (R71), built server, ${RUNS} runs, load average ${loadBefore} before and ${loadavg()[0].toFixed(1)} after`,
  );
  console.log('| measure | full (R36) | small (R71) | target | met |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(
    `| a phone's download, board of ${BOARD_PHOTOS} phone photos (2560 × 1920) | ${kB(fullBytes)} | ${kB(smallBytes)} (${(100 * ratio).toFixed(1)} %) | ≤ ${100 * TARGET_RATIO} % | ${ratio <= TARGET_RATIO ? 'yes' : 'NO'} |`,
  );
  console.log(
    `| the same at 1.6 Mbps (computed) | ${seconds(fullBytes).toFixed(1)} s | ${seconds(smallBytes).toFixed(2)} s | — | — |`,
  );
  console.log(
    `| the board's 8 copies made (first answer; one at a time), wall / server CPU | — | ${coldMs.toFixed(0)} ms / ${boardCpuMs} ms | — | — |`,
  );
  console.log(
    `| a 12 MP photo's copy, server CPU (all threads; mean of ${RUNS}) | — | ${copyCpuMs.toFixed(0)} ms | ≤ ${TARGET_COPY_MS} ms | ${copyCpuMs <= TARGET_COPY_MS ? 'yes' : 'NO'} |`,
  );
  console.log(
    `| a 12 MP photo's copy, wall (first GET ${median(first).toFixed(1)} ms − from memory ${median(again).toFixed(1)} ms, medians) | — | ${copyMs.toFixed(1)} ms | — (the machine's load) | — |`,
  );
} finally {
  server.stop();
}
