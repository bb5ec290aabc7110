// « Voter en liste » opened on a slow phone: Chromium 390 × 844 (touch, mobile), CPU throttled
// 4× by CDP (`Emulation.setCPUThrottlingRate`), on a territory board of 3,000 notes beside its
// carton, a 5-dot vote open over it. Times the press of « Voter en liste » to the first frame
// after the list's first note is in the page (in the page's clock), and counts the rows drawn.
//
// Builds NOTHING: it runs apps/server/dist/main.js and the client in CARTON_WEB_DIR (else
// apps/web/dist). Not part of `npm run bench`. Run: `node bench/phone/vote-list.mjs [opens=5]`;
// VOTE_LIST_NOTES=N for another board size, VOTE_LIST_RATE=R for another throttling.
// Functions passed to page.evaluate run in the page.
/* global document, requestAnimationFrame */
import { startServer } from '../lib/server.mjs';
import { launchChromium, percentile, sleep } from './page.mjs';
import { importInto, shapeBases, territoryFile } from './seed.mjs';

const NOTES = Number(process.env.VOTE_LIST_NOTES ?? 3000);
const RATE = Number(process.env.VOTE_LIST_RATE ?? 4);
const OPENS = Number(process.argv[2] ?? 5);

async function json(response, what) {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response.json();
}

const server = await startServer('carton-bench-vote-list-');
const browser = await launchChromium();
try {
  const forum = await json(
    await fetch(`${server.url}/api/forums`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Banc — voter en liste', territories: ['Témiscouata'] }),
    }),
    'POST /api/forums',
  );
  const board = forum.boards.find((b) => b.kind === 'territory');
  // The notes in rows of 60 under the template carton, outside it.
  const base = shapeBases();
  const shapes = [];
  for (let i = 0; i < NOTES; i++) {
    shapes.push({
      ...base('note', i, (i % 60) * 140, 3000 + Math.floor(i / 60) * 140),
      type: 'note',
      text: `Idée ${i + 1} : du logement abordable près des services et du transport collectif`,
      color: 'yellow',
      w: 120,
      h: 120,
    });
  }
  await importInto(server.url, board, territoryFile(shapes, {}));
  await json(
    await fetch(`${server.url}/api/forums/${forum.forum.id}/votes`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${forum.facilitator.token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        title: 'Nos incontournables',
        boardIds: [board.id],
        dotsPerParticipant: 5,
      }),
    }),
    'POST votes',
  );

  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'fr-CA',
  });
  await context.addInitScript(() => {
    try {
      localStorage.setItem('carton.name', 'Banc');
    } catch {
      // about:blank has no storage.
    }
  });
  const page = await context.newPage();
  await page.goto(board.edit.url);
  await page.getByText('Il vous reste 5 points').waitFor({ timeout: 60_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await sleep(1000);

  const times = [];
  let rows = 0;
  for (let n = 0; n < OPENS; n++) {
    const measured = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const button = [...document.querySelectorAll('button')].find(
            (b) => b.textContent.trim() === 'Voter en liste',
          );
          const start = performance.now();
          button.click();
          const check = () => {
            if (!document.querySelector('.vote-list-note')) return requestAnimationFrame(check);
            // The frame that shows it: its rAF, then a task after its paint.
            requestAnimationFrame(() =>
              setTimeout(() =>
                resolve({
                  ms: performance.now() - start,
                  rows: document.querySelectorAll('.vote-list-note').length,
                }),
              ),
            );
          };
          requestAnimationFrame(check);
        }),
    );
    times.push(measured.ms);
    rows = measured.rows;
    await page.evaluate(() => document.querySelector('.vote-list-close').click());
    await sleep(1500);
  }
  times.sort((a, b) => a - b);
  console.log(
    `« Voter en liste », ${NOTES} notes, 390 × 844, CPU ${RATE}×, web ${process.env.CARTON_WEB_DIR ?? 'apps/web/dist'}`,
  );
  console.log('| opens | rows drawn at first | open p50 | open max |');
  console.log('| --- | --- | --- | --- |');
  console.log(
    `| ${OPENS} | ${rows} | ${percentile(times, 0.5).toFixed(0)} ms | ${times.at(-1).toFixed(0)} ms |`,
  );
} finally {
  await browser.close();
  server.stop();
}
