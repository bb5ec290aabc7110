// The board's own band with text enlarged on a tall page (boardBand.ts): a phone of 390 × 844 at
// 150 and 200 %, a 1280 × 1024 screen at 400 % (320 × 256 CSS px). The header's rows, the forum
// kit, the people's pill and « ? » and the toolbar took the window, and the territory's carton
// was fitted in what they left: a 114 px strip beside the pill at 400 %, the page rows clear of
// every control across the whole width 8 px tall. The board now has a band of the window's
// height between them, and the carton is fitted in it. A phone at 100 % keeps its page of the
// window's height, the chrome floating over the board. Zoom is modelled as low-vision.test.ts
// does: the window's CSS size at a device scale of the zoom.
import { describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { createForum, forumRequest, openBoard, serverAndBrowser } from './fixtures';

const phone = (zoom: number): BrowserContextOptions => ({
  viewport: { width: Math.floor(390 / zoom), height: Math.floor(844 / zoom) },
  deviceScaleFactor: 3 * zoom,
  isMobile: true,
  hasTouch: true,
});

const ENLARGED: Record<string, BrowserContextOptions> = {
  'phone at 150 %': phone(1.5),
  'phone at 200 %': phone(2),
  '1280 × 1024 at 400 %': { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 },
};

interface Band {
  /** The window's height (CSS px). */
  window: number;
  /** The tallest run of the page's rows that no control covers across the whole width. */
  band: number;
  /** Whether the fitted carton lies in that run, and its size on the page. */
  cartonInBand: boolean;
  carton: { width: number; height: number };
  tall: boolean;
}

/** The board's band on `page` and where its carton is fitted, in the page's coordinates. */
function boardBand(page: Page): Promise<Band> {
  return page.evaluate(() => {
    window.scrollTo({ top: 0, behavior: 'instant' });
    const editor = document.querySelector<HTMLElement>('.editor')!;
    const chrome = [...editor.children].filter(
      (el) => !el.matches('.board-main, .canvas') && !el.querySelector('.canvas'),
    );
    const boxes = chrome
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => ({ top: Math.floor(r.top + scrollY), bottom: Math.ceil(r.bottom + scrollY) }));
    const end = Math.ceil(editor.getBoundingClientRect().bottom + scrollY);
    let best = { from: 0, to: 0 };
    let from = 0;
    for (let y = 0; y <= end; y++) {
      const covered = y === end || boxes.some((b) => y >= b.top && y < b.bottom);
      if (!covered) continue;
      if (y - from > best.to - best.from) best = { from, to: y };
      from = y + 1;
    }
    const carton = window.__carton!.shapes().find((s) => s.type === 'carton') as unknown as {
      x: number;
      y: number;
      w: number;
      h: number;
    };
    const canvasTop = document.querySelector('.canvas')!.getBoundingClientRect().top + scrollY;
    const a = window.__carton!.worldToScreen(carton.x, carton.y);
    const b = window.__carton!.worldToScreen(carton.x + carton.w, carton.y + carton.h);
    return {
      window: innerHeight,
      band: best.to - best.from,
      cartonInBand: a.y + canvasTop >= best.from - 0.5 && b.y + canvasTop <= best.to + 0.5,
      carton: { width: Math.round(b.x - a.x), height: Math.round(b.y - a.y) },
      tall: 'tall' in editor.dataset,
    };
  });
}

/** Two frames: the page's stacks and the fit have followed what came last. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

describe('the board’s own band, text enlarged', () => {
  const suite = serverAndBrowser();

  /** A forum with its timer running (the kit on every board, as during the day). */
  async function forumBoard(): Promise<{ participant: string; facilitator: string }> {
    const created = await createForum(suite.server, { territories: ['Témiscouata'] });
    const board = created.boards.find((b) => b.kind === 'territory')!;
    const timer = { action: 'start', durationMs: 600_000 };
    expect((await forumRequest(suite.server, created, '/timer', { body: timer })).status).toBe(200);
    return {
      participant: board.edit.url,
      facilitator: `${suite.server.url}/b/${board.id}#token=${created.facilitator.token}`,
    };
  }

  async function bandOn(size: BrowserContextOptions, url: string): Promise<Band> {
    const context = await suite.browser.newContext({
      ...size,
      locale: 'fr-CA',
      reducedMotion: 'reduce',
    });
    await context.addInitScript(() => {
      localStorage.setItem('carton.name', 'Gisèle Pelletier');
      localStorage.setItem('carton.helpHint', 'done');
    });
    const page = await context.newPage();
    await openBoard(page, url);
    await page.locator('.editor [role=timer]').waitFor();
    await settled(page);
    await settled(page);
    const band = await boardBand(page);
    await context.close();
    return band;
  }

  it('a participant and a facilitator: a band of the window’s height, the carton fitted in it', async () => {
    const links = await forumBoard();
    const short: Record<string, Band> = {};
    for (const [name, size] of Object.entries(ENLARGED)) {
      for (const [who, url] of Object.entries(links)) {
        const band = await bandOn(size, url);
        // Before: 8 px at 400 %, the carton beside the pill over rows the pill covers.
        if (!band.tall || band.band < band.window || !band.cartonInBand) {
          short[`${who}, ${name}`] = band;
        }
      }
    }
    expect(short).toEqual({});
  }, 90_000);

  it('a phone at 100 % keeps its page of the window’s height, the carton as large as before', async () => {
    const { participant } = await forumBoard();
    const band = await bandOn(phone(1), participant);
    expect(band.tall).toBe(false);
    // The whole width, less the fit's margins (390 − 2 × 8).
    expect(band.carton.width).toBeGreaterThanOrEqual(370);
  });
});
