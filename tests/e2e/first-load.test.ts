// The board's first load carries what draws and edits a board, not the export: the exporters
// (PDF with pdf-lib, SVG, raster) arrive when « Exporter / Importer » is first pressed, which
// says « Chargement… » while they come (held here until it is seen, as a slow venue wifi would).
// The board's info is not kept waiting for that code: both are asked for as the page starts.
// Its canvases are each given their size once, not a guess and then the viewport's, and a
// phone turned sideways resizes each once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardSuite, openBoard } from './fixtures';

/** Script files the page has fetched so far (Resource Timing). */
function scripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.js')),
  );
}

interface CanvasSize {
  canvas: HTMLCanvasElement;
  widths: number[];
  heights: number[];
}
type CanvasSizes = Window & { cartonCanvasSizes?: CanvasSize[] };

/**
 * In the page: the non-zero widths and heights given to each canvas, in order. Each costs a new
 * bitmap and a full draw of its layer, even of the same size.
 */
function countCanvasSizes() {
  const sizes: CanvasSize[] = [];
  (window as CanvasSizes).cartonCanvasSizes = sizes;
  const seen = new WeakMap<HTMLCanvasElement, CanvasSize>();
  for (const side of ['width', 'height'] as const) {
    const own = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, side)!;
    Object.defineProperty(HTMLCanvasElement.prototype, side, {
      ...own,
      set(this: HTMLCanvasElement, value: number) {
        if (value > 0) {
          let canvas = seen.get(this);
          if (!canvas) seen.set(this, (canvas = { canvas: this, widths: [], heights: [] }));
          if (!sizes.includes(canvas)) sizes.push(canvas);
          canvas[side === 'width' ? 'widths' : 'heights'].push(value);
        }
        own.set!.call(this, value);
      },
    });
  }
}

describe('first load of a board', () => {
  const suite = boardSuite();

  it('sizes each canvas once, and loads the export dialog only when « Exporter / Importer » is pressed, saying « Chargement… »', async () => {
    // A phone; the service worker blocked so that the page's own requests can be held.
    const context = await suite.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'fr-CA',
      serviceWorkers: 'block',
    });
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Mathilde'));
    await context.addInitScript(countCanvasSizes);
    const page = await context.newPage();
    await openBoard(page, suite.board.edit.url);
    // Each canvas got its size once: none was made at a guessed size and then resized (the
    // drag and interaction layers' are made once the board is drawn). Turned sideways, each is
    // resized once to its new width and height, not to each in turn.
    const sizes = () =>
      page.evaluate(() =>
        ((window as CanvasSizes).cartonCanvasSizes ?? [])
          .filter(({ canvas }) => canvas.closest('.konvajs-content'))
          .map(({ widths, heights }) => ({ widths, heights })),
      );
    await expect.poll(async () => (await sizes()).length, { timeout: 15_000 }).toBe(3);
    expect((await sizes()).map((s) => [s.widths.length, s.heights.length])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    await page.setViewportSize({ width: 844, height: 390 });
    await expect
      .poll(async () => (await sizes()).every((s) => s.widths.length > 1), { timeout: 15_000 })
      .toBe(true);
    expect((await sizes()).map((s) => [s.widths.length, s.heights.length])).toEqual([
      [2, 2],
      [2, 2],
      [2, 2],
    ]);
    await page.setViewportSize({ width: 390, height: 844 });
    const first = await scripts(page);
    expect(first.some((path) => /\/BoardPage-[^/]*\.js$/.test(path))).toBe(true);
    expect(first.filter((path) => /ExportDialog/.test(path))).toEqual([]);
    // The board's info is asked for while the editor's code is still on its way, not after it.
    const [info, code] = await page.evaluate(() =>
      [/^\/api\/boards\/[^/]+$/, /\/BoardPage-[^/]*\.js$/].map((pattern) => {
        const entry = performance
          .getEntriesByType('resource')
          .find((e) => pattern.test(new URL(e.name).pathname)) as PerformanceResourceTiming;
        return { asked: entry.startTime, arrived: entry.responseEnd };
      }),
    );
    expect(info!.asked).toBeLessThan(code!.arrived);

    // Hold the dialog's chunk until the page shows that it is waiting for it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const requested = new Promise<string>((resolve) => {
      void page.route(/\/assets\/ExportDialog-[^/]*\.js$/, async (route) => {
        resolve(new URL(route.request().url()).pathname);
        await held;
        await route.continue();
      });
    });
    await page.getByRole('button', { name: 'Exporter / Importer' }).click();
    const none = new Promise<string>((resolve) => setTimeout(() => resolve('none'), 15_000));
    expect(await Promise.race([requested, none])).toMatch(/^\/assets\/ExportDialog-/);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Chargement…' }).count())
      .toBe(1);
    release();
    await page.getByRole('dialog', { name: 'Exporter ou importer' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('status').filter({ hasText: 'Chargement…' }).count()).toBe(0);
    await context.close();
  });
});
