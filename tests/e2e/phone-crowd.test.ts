// A newcomer's phone at a forum table (390 × 844, touch), on the territory's template carton, while
// the others move their cursors. Measured on a slowed phone (bench/phone/crowd.mjs), four kinds of
// work were done far more often than anything on the screen changed; each test here counts one.
// - Each awareness update (20 a second from each of up to ten people) made the page measure every
//   name label again: reading a label's size right after React moved the cursors forced a style
//   and layout pass per cursor per update. The labels are measured when they appear or their name
//   changes.
// - A pinch drew the three canvases again at every finger's move (several times a frame at 4×
//   CPU); it now scales what was drawn, drawn sharp when the fingers stop.
// - Each finger's move read where the canvas is on the page, after the pan had moved the stage:
//   a style and layout pass per move. Read once per press now.
// - The first visit's hint placed itself again at every move of the view, cloning itself into the
//   page to measure its height (which set the chrome's own measuring going): now once a frame,
//   its height measured once per width.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import type { CDPSession, Page } from 'playwright-core';
import { boardSuite, createForum, openBoard, territoryBoard } from './fixtures';

interface Peer {
  provider: WebsocketProvider;
  doc: Y.Doc;
}

const NAMES = ['Émilie', 'Jocelyn', 'Nadia'];

type Touch = { x: number; y: number; id: number };

/** Two fingers down at `at(0)`, then `steps` moves to `at(i)`, one per 16 ms (left down). */
async function twoFingers(cdp: CDPSession, steps: number, at: (i: number) => Touch[]) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) });
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
}

/** Fingers about (195, 420) spread `spread` px further apart at each step. */
const spreading = (spread: number) => (i: number) => [
  { x: 135 - i * spread, y: 420, id: 1 },
  { x: 255 + i * spread, y: 420, id: 2 },
];

/** Counts the static layer's draws (Konva's first layer) from now on, in `window.__draws`. */
function countDraws(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as {
      Konva: { stages: { getLayers(): { drawScene: (...a: unknown[]) => unknown }[] }[] };
      __draws: number;
    };
    w.__draws = 0;
    const layer = w.Konva.stages[0]!.getLayers()[0]!;
    const own = Object.getPrototypeOf(layer).drawScene;
    layer.drawScene = function (this: unknown, ...args: unknown[]) {
      w.__draws++;
      return own.apply(this, args);
    };
  });
}

describe('a newcomer’s phone at a busy table', () => {
  const suite = boardSuite({
    territory: null,
    participants: {
      phone: {
        name: 'Mélanie',
        viewport: { width: 390, height: 844 },
        hasTouch: true,
        isMobile: true,
        opens: false,
      },
    },
  });
  const peers: Peer[] = [];
  let board = { id: '', token: '' };

  beforeAll(async () => {
    const links = territoryBoard(
      await createForum(suite.server, { territories: ['Témiscouata'], templates: true }),
    );
    board = { id: links.id, token: links.edit.token };
    await openBoard(suite.phone.page, links.edit.url);
    await suite.phone.page.locator('.help-hint').waitFor();
    const camera = await suite.phone.page.evaluate(() => window.__carton!.camera());
    // World points on the phone's screen, a row of them halfway down.
    const world = (x: number) => ({
      x: (x - camera.x) / camera.zoom,
      y: (400 - camera.y) / camera.zoom,
    });
    for (const [i, name] of NAMES.entries()) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(suite.server.syncUrl, board.id, doc, {
        params: { token: board.token },
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      });
      await new Promise((resolve) => provider.once('sync', resolve));
      provider.awareness.setLocalState({
        user: { id: `user:crowd${i}`, name, color: '#3949ab' },
        cursor: world(60 + i * 100),
      });
      peers.push({ provider, doc });
    }
    await suite.phone.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="remote-cursor"]').length === n,
      NAMES.length,
    );
  });

  afterAll(() => {
    for (const { provider, doc } of peers) {
      provider.destroy();
      doc.destroy();
    }
  });

  it('the first visit’s hint is not measured again at each move of the view', async () => {
    const { page } = suite.phone;
    // At the first fit, the hint sits in the band above the carton (hintPlace.ts).
    await page.locator('aside.help-hint.help-hint-band:not([aria-hidden])').waitFor();
    const cdp = await page.context().newCDPSession(page);
    // Its measuring copies (aria-hidden) added to the page from now on.
    await page.evaluate(() => {
      const w = window as unknown as { __copies: number };
      w.__copies = 0;
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n instanceof HTMLElement && n.matches('.help-hint[aria-hidden="true"]'))
              w.__copies++;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const before = await page.evaluate(() => window.__carton!.camera().y);
    // Two fingers drag the board down 30 px: the band above it grows, the hint stays there.
    await twoFingers(cdp, 30, (i) => [
      { x: 135, y: 420 + i, id: 1 },
      { x: 255, y: 420 + i, id: 2 },
    ]);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    expect(await page.evaluate(() => window.__carton!.camera().y)).toBeGreaterThan(before + 20);
    await page.locator('aside.help-hint.help-hint-band:not([aria-hidden])').waitFor();
    // Measured at every move before: 30 copies.
    const copies = await page.evaluate(() => (window as unknown as { __copies: number }).__copies);
    expect(copies).toBe(0);
    await cdp.detach();
  });

  it('a cursor moving measures no name label again; a new name is measured', async () => {
    const { page } = suite.phone;
    // Count the labels' size reads from here on.
    await page.evaluate(() => {
      const counts = { reads: 0 };
      (window as unknown as { __labelReads: typeof counts }).__labelReads = counts;
      for (const key of ['offsetWidth', 'offsetHeight'] as const) {
        const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)!;
        Object.defineProperty(HTMLElement.prototype, key, {
          configurable: true,
          get(this: HTMLElement) {
            if (this.classList.contains('cursor-name')) counts.reads++;
            return own.get!.call(this);
          },
        });
      }
    });
    const reads = () =>
      page.evaluate(
        () => (window as unknown as { __labelReads: { reads: number } }).__labelReads.reads,
      );
    const camera = await page.evaluate(() => window.__carton!.camera());
    const emilie = peers[0]!.provider.awareness;
    for (let step = 1; step <= 6; step++) {
      const x = 60 + step * 12;
      emilie.setLocalStateField('cursor', {
        x: (x - camera.x) / camera.zoom,
        y: (400 - camera.y) / camera.zoom,
      });
      // Drawn where it was sent (the cursor's box follows its transform at once, no glide).
      await page.waitForFunction(
        (want) =>
          [...document.querySelectorAll<HTMLElement>('[data-testid="remote-cursor"]')].some(
            (el) =>
              el.textContent === 'Émilie' &&
              Math.abs(Number(/translate\(([-\d.e]+)px/.exec(el.style.transform)?.[1]) - want) <
                0.01,
          ),
        x,
      );
    }
    expect(await reads()).toBe(0);

    // A new name is measured: its label still flips clear of the edge (phone-first-view).
    emilie.setLocalStateField('user', {
      id: 'user:crowd0',
      name: 'Émilie Tremblay',
      color: '#3949ab',
    });
    await page.locator('[data-testid="remote-cursor"]', { hasText: 'Émilie Tremblay' }).waitFor();
    await page.waitForFunction(
      () => (window as unknown as { __labelReads: { reads: number } }).__labelReads.reads > 0,
    );
    expect(await reads()).toBeGreaterThan(0);
  });
  it('a pinch draws the board when the fingers stop, not at each move', async () => {
    const { page } = suite.phone;
    const cdp = await page.context().newCDPSession(page);
    const before = await page.evaluate(() => window.__carton!.camera().zoom);
    await countDraws(page);
    await twoFingers(cdp, 30, spreading(0.8));
    const during = await page.evaluate(() => (window as unknown as { __draws: number }).__draws);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const after = await page.evaluate(() => window.__carton!.camera().zoom);
    expect(after).toBeGreaterThan(before * 1.3);
    // Each move changed the zoom (to 1.4× in all): 30 draws before, however fast the phone.
    expect(during).toBe(0);
    // At rest, drawn sharp at the zoom the fingers left.
    await page.waitForFunction(
      (zoom) =>
        (
          window as unknown as { Konva: { stages: { scaleX(): number }[] } }
        ).Konva.stages[0]!.scaleX() === zoom,
      after,
    );
    await cdp.detach();
  });
  it('a two-finger pan reads where the canvas is once per press, not at each move', async () => {
    const { page } = suite.phone;
    const cdp = await page.context().newCDPSession(page);
    // The canvas's box read while a finger's move is handled (between window's capture and
    // bubble listeners).
    await page.evaluate(() => {
      const w = window as unknown as { __moveReads: number; __inMove: boolean };
      w.__moveReads = 0;
      w.__inMove = false;
      window.addEventListener('pointermove', () => (w.__inMove = true), true);
      window.addEventListener('pointermove', () => (w.__inMove = false));
      const own = Element.prototype.getBoundingClientRect;
      Element.prototype.getBoundingClientRect = function (this: Element) {
        if (w.__inMove && this.classList.contains('canvas')) w.__moveReads++;
        return own.call(this);
      };
    });
    const before = await page.evaluate(() => window.__carton!.camera().x);
    await twoFingers(cdp, 20, (i) => [
      { x: 135 + i * 2, y: 420, id: 1 },
      { x: 255 + i * 2, y: 420, id: 2 },
    ]);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    expect(await page.evaluate(() => window.__carton!.camera().x)).toBeGreaterThan(before + 30);
    // 40 finger moves: read at each before.
    expect(
      await page.evaluate(() => (window as unknown as { __moveReads: number }).__moveReads),
    ).toBe(0);
    await cdp.detach();
  });
});
