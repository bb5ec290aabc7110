// How long one large import holds the server's event loop (s22 « bigimport »). Starts the
// built server (apps/server/dist/main.js, or the folder given as CARTON_SERVER_DIST), makes a
// forum, then for each way in — a board file into a live board (POST /api/boards/:id/import),
// a new board from a file (POST /api/forums/:id/boards) and a forum archive holding that board
// (POST /api/forums/import) — sends the largest file the server accepts while a probe asks
// GET /healthz one request after another: the longest wait of the probe is how long every
// other board's sync waited too (one event loop). Needs `pnpm --filter @carton/server run build`.
//
// Usage: node bench/import/run.mjs [shapes] [textChars]
//   default 10000 notes of 2 900 characters (~31 MiB: the most shapes an import takes, in
//   about the largest body); `150000 60` is the 22 MiB file of the s22 roundtrip report.
//
// Target: no probe waits more than 250 ms. A participant's edit reaching the others within a
// quarter second still reads as live (the relay batches for 50 ms, R51); the seconds an import
// took before stalled every territory's board and the plenary's mosaic at once.
// Seen 29 November (2 cores shared, load ~3), 10,000 notes of 2,900 characters, 29.2 MiB:
//   before (parse, checks, Yjs on the event loop): board import 891 ms, new board 1,144 ms
//   (15,275 ms and 4,410 ms at load 13); after (worker thread): 583 ms, 285 ms, archive
//   restore 494 ms — what is left is the room applying the 29 MiB change on the event loop.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../lib/server.mjs';
import { notesBoardFile } from './board-file.mjs';

const TARGET_MS = 250;
const shapes = Number(process.argv[2] ?? 10_000);
const textChars = Number(process.argv[3] ?? 2_900);
const here = fileURLToPath(new URL('.', import.meta.url));
const dist = process.env.CARTON_SERVER_DIST ?? join(here, '../../apps/server/dist');

function boardFile() {
  const words = 'Pouvoir développer de manière collective des conditions de succès ';
  const text = words.repeat(Math.ceil(textChars / words.length)).slice(0, textChars);
  return notesBoardFile(shapes, () => text);
}

/** Runs `work` while GET /healthz is asked in a loop; the longest wait and the work's answer. */
async function probed(url, work) {
  let done = false;
  let longest = 0;
  let asked = 0;
  const probe = (async () => {
    while (!done) {
      const t0 = performance.now();
      try {
        await (await fetch(`${url}/healthz`)).arrayBuffer();
      } catch {
        // A kept-alive socket the server closed while it was blocked: the wait still counts.
      }
      longest = Math.max(longest, performance.now() - t0);
      asked += 1;
    }
  })();
  const t0 = performance.now();
  const answer = await work();
  const total = performance.now() - t0;
  done = true;
  await probe;
  return { longest, total, asked, answer };
}

const json = JSON.stringify(boardFile());
const { url, stop } = await startServer(
  'carton-bench-import-',
  { HOST: '127.0.0.1', CARTON_LOG_LEVEL: 'warn' },
  dist,
);
try {
  const forumAnswer = await fetch(`${url}/api/forums`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Banc d’essai', templates: false, territories: ['Matane'] }),
  });
  const forum = await forumAnswer.json();
  const board = forum.boards.find((b) => b.territory === 'Matane');
  const auth = (token) => ({ authorization: `Bearer ${token}` });
  const status = async (response) => `${response.status} ${(await response.text()).slice(0, 90)}`;
  // A request the server has not answered in 3 minutes is reported, not waited for.
  const signal = () => AbortSignal.timeout(180_000);
  console.log(
    `file: ${shapes} notes of ${textChars} characters, ${(json.length / 2 ** 20).toFixed(1)} MiB`,
  );
  const rows = [];
  const run = async (name, work) => {
    const r = await probed(url, () => work().catch((error) => `failed: ${error.message}`));
    rows.push({ name, ...r });
    console.log(
      `${name.padEnd(22)} longest /healthz wait ${r.longest.toFixed(0).padStart(6)} ms ` +
        `(target ≤ ${TARGET_MS} ms: ${r.longest <= TARGET_MS ? 'yes' : 'NO'}), ` +
        `request ${r.total.toFixed(0)} ms, ${r.asked} probes; answer ${r.answer}`,
    );
  };
  await run('board import', async () =>
    status(
      await fetch(`${url}/api/boards/${board.id}/import`, {
        method: 'POST',
        signal: signal(),
        headers: { ...auth(board.edit.token), 'content-type': 'application/json' },
        body: json,
      }),
    ),
  );
  await run('new board from file', async () =>
    status(
      await fetch(`${url}/api/forums/${forum.forum.id}/boards`, {
        method: 'POST',
        signal: signal(),
        headers: { ...auth(forum.facilitator.token), 'content-type': 'application/json' },
        body: `{"title":"Copie","kind":"postcards","file":${json}}`,
      }),
    ),
  );
  const archive = await fetch(`${url}/api/forums/${forum.forum.id}/archive.zip`, {
    headers: auth(forum.facilitator.token),
    signal: signal(),
  });
  if (archive.status === 200) {
    const zip = new Uint8Array(await archive.arrayBuffer());
    await run('archive restore', async () =>
      status(
        await fetch(`${url}/api/forums/import`, {
          method: 'POST',
          signal: signal(),
          headers: { 'content-type': 'application/zip' },
          body: zip,
        }),
      ),
    );
  } else console.log(`archive restore: no archive (${await status(archive)})`);
  process.exitCode = rows.every((r) => r.longest <= TARGET_MS) ? 0 : 1;
} finally {
  stop();
}
