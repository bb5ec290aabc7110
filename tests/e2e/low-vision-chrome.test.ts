// The board page's chrome with text enlarged (WCAG 1.4.4, 1.4.10): on a short window the floating
// controls lay over the toolbar. At 250–300 % on a 1366 × 768 laptop the people's pill covered
// « Rectangle » and « ? » covered « Flèche »; at 400 % the toolbar covered « Contenu », the zoom,
// « Exporter » and « EN », the forum's timer a tool, and « ? » fell below the window; on a phone
// zoomed 200 % by Chrome the pill and « ? » covered tools. Browser zoom is modelled as
// low-vision.test.ts does: the window's CSS size (screen / zoom) at a device scale of the zoom.
import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createForum, forumRequest, openBoard, serverAndBrowser } from './fixtures';

interface Size {
  name: string;
  width: number;
  height: number;
  zoom: number;
  phone?: boolean;
}

const SIZES: readonly Size[] = [
  ...[2, 2.5, 3, 4].flatMap((zoom) => [
    { name: `1366 × 768 at ${zoom * 100} %`, width: 1366, height: 768, zoom },
    { name: `1280 × 720 at ${zoom * 100} %`, width: 1280, height: 720, zoom },
  ]),
  ...[1.5, 2].map((zoom) => ({
    name: `390 px phone at ${zoom * 100} %`,
    width: 390,
    height: 844,
    zoom,
    phone: true,
  })),
];

/** The board at `url` in a window of `size` zoomed by `size.zoom`, for Gisèle Pelletier. */
async function zoomedBoard(
  browser: Browser,
  size: Size,
  url: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: {
      width: Math.floor(size.width / size.zoom),
      height: Math.floor(size.height / size.zoom),
    },
    deviceScaleFactor: size.zoom * (size.phone ? 3 : 1),
    isMobile: size.phone ?? false,
    hasTouch: size.phone ?? false,
    locale: 'fr-CA',
  });
  await context.addInitScript(() => localStorage.setItem('carton.name', 'Gisèle Pelletier'));
  const page = await context.newPage();
  await openBoard(page, url);
  return { context, page };
}

/** The whole page into CARTON_SHOTS as `file`, when a screenshot directory is given. */
async function shotIfAsked(page: Page, file: string): Promise<void> {
  if (!process.env.CARTON_SHOTS) return;
  await page.screenshot({
    path: `${process.env.CARTON_SHOTS}/${file.replace(/\W+/g, '-')}.png`,
    fullPage: true,
  });
}

interface Problems {
  overlapping: string[];
  outside: string[];
  covered: string[];
}

/**
 * The chrome's controls (every button, field and the timer outside the canvas, and the board's
 * title and status): pairs that overlap, those past the window's sides (the page may scroll up
 * and down, not sideways: 1.4.10) or that no scrolling brings whole into the window, and those
 * whose middle another element lies over once scrolled into the window.
 */
function chromeProblems(page: Page, also = ''): Promise<Problems> {
  return page.evaluate((also) => {
    const selector =
      '.editor > .help-hint, .editor button, .editor input, .editor select, .editor [role=timer], .editor .board-title, .editor .status' +
      also;
    const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.closest('.canvas')) return false;
      const r = el.getBoundingClientRect();
      return r.width >= 2 && r.height >= 2 && getComputedStyle(el).visibility !== 'hidden';
    });
    const named = (el: HTMLElement) =>
      `${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20) ?? el.tagName} (${el.className})`;
    window.scrollTo({ top: 0, behavior: 'instant' });
    // In the page's coordinates, whatever it is scrolled to.
    const boxes = controls.map((el) => {
      const r = el.getBoundingClientRect();
      return { el, left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY };
    });
    const overlapping: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        if (a.el.contains(b.el) || b.el.contains(a.el)) return;
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 0.5 && y > 0.5) overlapping.push(`${named(a.el)} × ${named(b.el)}`);
      }),
    );
    const outside: string[] = [];
    const covered: string[] = [];
    for (const { el } of boxes) {
      // Scrolled (up or down only) so that it shows: it must then be whole in the window.
      el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      if (
        r.left < -0.5 ||
        r.top < -0.5 ||
        r.right > innerWidth + 0.5 ||
        r.bottom > innerHeight + 0.5
      ) {
        outside.push(named(el));
        continue;
      }
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (hit !== null && !el.contains(hit) && !hit.contains(el)) {
        covered.push(`${named(el)} under ${String(hit.className) || hit.tagName}`);
      }
    }
    if (document.documentElement.scrollWidth > innerWidth + 0.5) outside.push('the page, sideways');
    window.scrollTo({ top: 0, behavior: 'instant' });
    return { overlapping, outside, covered };
  }, also);
}

/** Two frames: what is placed from measurements (the stacks, « ? », the hint) has moved. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

describe('the board’s chrome with text enlarged', () => {
  const suite = serverAndBrowser();

  let forum: { territory: string; facilitator: string } | undefined;
  /** A forum with its timer running (the kit on every board, as during the day). */
  const theBoard = async () => {
    if (forum) return forum;
    const created = await createForum(suite.server, { territories: ['Témiscouata'] });
    const board = created.boards.find((b) => b.kind === 'territory')!;
    const timer = { action: 'start', durationMs: 600_000 };
    expect((await forumRequest(suite.server, created, '/timer', { body: timer })).status).toBe(200);
    forum = {
      territory: board.edit.url,
      facilitator: `${suite.server.url}/b/${board.id}#token=${created.facilitator.token}`,
    };
    return forum;
  };

  /** At each size, with the first visit's hint (it lay over the pill, « ? » and the timer), then without. */
  async function problemsAtEachSize(url: string, who: string): Promise<Record<string, Problems>> {
    const found: Record<string, Problems> = {};
    for (const size of SIZES) {
      const { context, page } = await zoomedBoard(suite.browser, size, url);
      await page.locator('.editor [role=timer]').waitFor();
      await page.locator('.help-hint').waitFor();
      await settled(page);
      for (const hint of [true, false]) {
        if (!hint) {
          await page.getByRole('button', { name: 'Compris' }).click();
          await page.locator('.help-hint').waitFor({ state: 'detached' });
          await settled(page);
        }
        const problems = await chromeProblems(page);
        const name = `${size.name}${hint ? ', first visit' : ''}`;
        if (problems.overlapping.length || problems.outside.length || problems.covered.length) {
          found[name] = problems;
        }
        await shotIfAsked(page, `${who} ${name}`);
      }
      await context.close();
    }
    return found;
  }

  it('a participant: no control lies over another or past the window, at 200–400 % on a laptop and 150–200 % on a phone', async () => {
    expect(await problemsAtEachSize((await theBoard()).territory, 'participant')).toEqual({});
  });

  it('a facilitator (« Versions », « Tout le monde vers moi », « Minuterie » too): none either', async () => {
    expect(await problemsAtEachSize((await theBoard()).facilitator, 'facilitator')).toEqual({});
  });

  it('a notice in the body (the link changed) covers no control and none covers it where the page scrolls', async () => {
    const created = await createForum(suite.server, { territories: ['Kamouraska'] });
    const board = created.boards.find((b) => b.kind === 'territory')!;
    let url = board.edit.url;
    const found: Record<string, Problems> = {};
    // Where the page is taller than the window (data-tall) and the notice fits in the window.
    for (const size of SIZES.filter((s) => s.zoom === 3 || (s.phone && s.zoom === 2))) {
      const { context, page } = await zoomedBoard(suite.browser, size, url);
      await page.getByRole('button', { name: 'Compris' }).click();
      await page.locator('.editor[data-tall]').waitFor();
      // The facilitator gives the territory a new link: this page is told so (4403).
      const rotated = await forumRequest(
        suite.server,
        created,
        `/boards/${board.id}/links/edit/rotate`,
      );
      expect(rotated.status).toBe(200);
      url = ((await rotated.json()) as { link: { url: string } }).link.url;
      await page.locator('body > .limit-banner[data-code="4403"]').waitFor();
      await settled(page);
      // Each control and the notice scrolled into view in turn (the toolbar's, as a person
      // drawing is: the notice fixed to the window lay over the tools there).
      const problems = await chromeProblems(page, ', body > .limit-banner');
      if (problems.overlapping.length || problems.outside.length || problems.covered.length) {
        found[size.name] = problems;
      }
      await shotIfAsked(page, `notice ${size.name}`);
      await context.close();
    }
    expect(found).toEqual({});
  });
});
