// Canvas benchmark: a board of 10 000 shapes (6 000 notes, 4 000 strokes) opened in headless
// Chromium; frames per second while panning at 100 % zoom and at fit-all zoom.
// Targets: ≥ 55 fps at 100 %, ≥ 30 fps at fit-all. Run with `node bench/canvas/run.mjs`.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import type { Page } from 'playwright-core';
import { Board, localOrigin, NOTE_COLORS } from '@carton/board';
import { launchBrowser } from '../../tests/support/browser.ts';
import { createTerritoryBoard, startServer } from '../lib/browser-bench.ts';

const NOTES = 6_000;
const STROKES = 4_000;
const TARGET_100 = 55;
const TARGET_FIT = 30;
const FRAMES = 180;

/** Writes the 10 000 shapes through a real client, in batches the relay accepts. */
export async function seed(syncUrl: string, boardId: string, token: string): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const board = new Board(doc);
  const origin = localOrigin('user:bench');
  const columns = 100;
  for (let start = 0; start < NOTES + STROKES; start += 250) {
    board.run((tx) => {
      for (let i = start; i < Math.min(start + 250, NOTES + STROKES); i++) {
        const x = (i % columns) * 260;
        const y = Math.floor(i / columns) * 260;
        if (i % 5 < 3) {
          tx.create('note', {
            x,
            y,
            text: `Condition de succès nº ${i}`,
            color: NOTE_COLORS[i % NOTE_COLORS.length]!,
          });
        } else {
          const points: number[] = [];
          for (let p = 0; p < 16; p++) points.push(p * 12, Math.sin(p / 2 + i) * 40, 0.5);
          tx.create('stroke', { x: x + 10, y: y + 100, points, color: 'blue', width: 4 });
        }
      }
    }, origin);
    // Let the socket drain between batches.
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  provider.destroy();
}

/** Pans by dispatching pointer moves once per animation frame; returns frames per second. */
export async function panFps(page: Page): Promise<number> {
  return page.evaluate(async (frames) => {
    const canvas = document.querySelector('.canvas') as HTMLElement;
    const r = canvas.getBoundingClientRect();
    let x = r.left + r.width * 0.8;
    const y = r.top + r.height / 2;
    const pointer = (type: string) =>
      canvas.dispatchEvent(
        new PointerEvent(type, {
          clientX: x,
          clientY: y,
          pointerId: 7,
          pointerType: 'mouse',
          button: 0,
          buttons: 1,
          bubbles: true,
        }),
      );
    pointer('pointerdown');
    const times: number[] = [];
    await new Promise<void>((resolve) => {
      const step = (t: number) => {
        times.push(t);
        if (times.length > frames) return resolve();
        x -= 6;
        pointer('pointermove');
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    pointer('pointerup');
    const elapsed = (times[times.length - 1]! - times[0]!) / 1000;
    return (times.length - 1) / elapsed;
  }, FRAMES);
}

export async function main(repoRoot: string): Promise<void> {
  const server = await startServer(repoRoot);
  const browser = await launchBrowser();
  try {
    const board = await createTerritoryBoard(server.url);
    const t0 = Date.now();
    await seed(server.url.replace(/^http/, 'ws') + '/sync', board.id, board.edit.token);
    console.log(`seeded ${NOTES} notes and ${STROKES} strokes in ${Date.now() - t0} ms`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Banc'));
    const page = await context.newPage();
    const t1 = Date.now();
    await page.goto(board.edit.url);
    await page.waitForFunction((n) => window.__carton?.shapes().length === n, NOTES + STROKES, {
      timeout: 120_000,
      polling: 100,
    });
    // React commits and Konva draws on the next animation frames: the board is on screen after them.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
        ),
    );
    console.log(
      `board open with ${NOTES + STROKES} shapes (page load to the first frame drawn with all of them) in ${Date.now() - t1} ms`,
    );
    await page.keyboard.press('h');
    // The board opens fitted to its content (5 % here): wait for that fit, then 100 % (Shift+0),
    // or the "100 %" measure would pan the fitted view.
    await page.waitForFunction(() => window.__carton!.camera().zoom < 1, null, { timeout: 30_000 });
    await page.keyboard.press('Shift+Digit0');
    await page.waitForFunction(() => window.__carton!.camera().zoom === 1, null, {
      timeout: 5_000,
    });
    // Let the redraw at 100 % land before measuring.
    await page.waitForTimeout(500);

    const cameraX = () => page.evaluate(() => window.__carton!.camera().x);
    const before = await cameraX();
    const at100 = await panFps(page);
    if ((await cameraX()) === before)
      throw new Error('the view did not pan: the measure would be meaningless');
    if ((await page.evaluate(() => window.__carton!.camera().zoom)) !== 1)
      throw new Error('the 100 % pan was not at 100 %');
    await page.keyboard.press('Shift+Digit1');
    const zoom = await page.evaluate(() => window.__carton!.camera().zoom);
    const beforeFit = await cameraX();
    const atFit = await panFps(page);
    if ((await cameraX()) === beforeFit) throw new Error('the view did not pan at fit-all');
    const line = (label: string, fps: number, target: number) =>
      `${label.padEnd(28)} ${fps.toFixed(1).padStart(6)} fps   target ≥ ${target} fps   ${fps >= target ? 'met' : 'NOT MET'}`;
    console.log(line('pan at 100 % zoom', at100, TARGET_100));
    console.log(line(`pan at fit-all (${Math.round(zoom * 100)} %)`, atFit, TARGET_FIT));
  } finally {
    await browser.close();
    server.stop();
  }
}

declare global {
  interface Window {
    __carton?: { shapes(): unknown[]; camera(): { x: number; zoom: number } };
  }
}
