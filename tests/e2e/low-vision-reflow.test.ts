// Carton with text enlarged past what low-vision.test.ts and low-vision-chrome.test.ts cover:
// - the plenary's mosaic at 400 % (a 1280 × 1024 screen: 320 × 256 CSS px) and on a phone at 200 %
//   (195 px), where the page is taller than the window (data-tall) and the mosaic, fixed from under
//   the header to the window's bottom, was a band with no tile in it, the facilitator's « Tout le
//   monde vers moi » over its « Plein écran »;
// - the first visit on those tall pages (a phone at 150 and 200 %, a laptop at 300 %), where the
//   board was fitted from the header down to the toolbar: the hint lay over the carton's notes
//   until « Compris », the forum's timer (arriving after the fit) over its title;
// - the forum page on a phone at 200 %, past WCAG's 320 px (1.4.10), which scrolled sideways.
// Browser zoom is modelled as low-vision.test.ts does: the window's CSS size (screen / zoom) at a
// device scale of the zoom.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  cameraSettled,
  createForum,
  forumRequest,
  openBoard,
  serverAndBrowser,
  type CreatedForum,
} from './fixtures';

interface Zoomed {
  name: string;
  viewport: { width: number; height: number };
  deviceScaleFactor: number;
  phone?: boolean;
}

/** A 1280 × 1024 screen at 400 %, and a 390 × 844 phone zoomed to 200 % by Chrome. */
const AT_400: Zoomed = {
  name: '320 × 256',
  viewport: { width: 320, height: 256 },
  deviceScaleFactor: 4,
};
const PHONE_AT_200: Zoomed = {
  name: 'phone at 200 %',
  viewport: { width: 195, height: 422 },
  deviceScaleFactor: 6,
  phone: true,
};

/**
 * The chrome that lies over the carton (the page scrolled to its top): the header's pieces, the
 * forum kit, the people's pill, « ? », the first visit's hint and the toolbar.
 */
function overCarton(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    window.scrollTo({ top: 0, behavior: 'instant' });
    const carton = window.__carton!.shapes().find((s) => s.type === 'carton') as unknown as {
      x: number;
      y: number;
      w: number;
      h: number;
    };
    const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
    const from = window.__carton!.worldToScreen(carton.x, carton.y);
    const to = window.__carton!.worldToScreen(carton.x + carton.w, carton.y + carton.h);
    const shown = {
      left: canvas.left + from.x,
      top: canvas.top + from.y,
      right: canvas.left + to.x,
      bottom: canvas.top + to.y,
    };
    const chrome = document.querySelectorAll<HTMLElement>(
      '.editor-header > *, .editor > .forum-kit, .editor > .people, .editor > .help-floating, .editor > .help-hint, .toolbar',
    );
    return [...chrome]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const x = Math.min(r.right, shown.right) - Math.max(r.left, shown.left);
        const y = Math.min(r.bottom, shown.bottom) - Math.max(r.top, shown.top);
        return r.width > 0 && r.height > 0 && x > 0.5 && y > 0.5;
      })
      .map(
        (el) =>
          `${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20)} (${el.className})`,
      );
  });
}

/**
 * Of `selector`'s elements, those that scrolling (up and down) does not bring whole into the
 * window, or that something else covers there (checked at their centre and towards their corners).
 */
function notReached(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const lost: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      const name = `${el.textContent?.trim().slice(0, 24)} (${el.className})`;
      if (
        r.top < -0.5 ||
        r.left < -0.5 ||
        r.bottom > innerHeight + 0.5 ||
        r.right > innerWidth + 0.5
      ) {
        lost.push(`${name}: past the window`);
        continue;
      }
      // A fifth of the way in from each corner: inside a pill, or the oval a pill of four lines is.
      const [dx, dy] = [r.width / 5, r.height / 5];
      for (const [x, y] of [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + dx, r.top + dy],
        [r.right - dx, r.top + dy],
        [r.left + dx, r.bottom - dy],
        [r.right - dx, r.bottom - dy],
      ] as const) {
        const hit = document.elementFromPoint(x, y);
        if (hit === null || !el.contains(hit)) {
          lost.push(`${name}: under ${hit ? String(hit.className) || hit.tagName : 'nothing'}`);
          break;
        }
      }
    }
    window.scrollTo({ top: 0, behavior: 'instant' });
    return lost;
  }, selector);
}

describe('Carton with text enlarged, past 320 px and on short windows', () => {
  const suite = serverAndBrowser();
  let forum: CreatedForum | undefined;
  const theForum = async () => {
    if (forum) return forum;
    forum = await createForum(suite.server, { territories: ['Témiscouata', 'Kamouraska'] });
    // The timer running, as in the room: the kit is as wide as it gets.
    const timer = { action: 'start', durationMs: 600_000 };
    expect((await forumRequest(suite.server, forum, '/timer', { body: timer })).status).toBe(200);
    return forum;
  };

  const zoomed = async (size: Zoomed): Promise<BrowserContext> => {
    const context = await suite.browser.newContext({
      viewport: size.viewport,
      deviceScaleFactor: size.deviceScaleFactor,
      isMobile: size.phone ?? false,
      hasTouch: size.phone ?? false,
      locale: 'fr-CA',
    });
    await context.addInitScript(() => {
      localStorage.setItem('carton.name', 'Marie-Anne');
      localStorage.setItem('carton.helpHint', 'done');
    });
    return context;
  };

  it('at 400 % and on a phone at 200 %, the mosaic’s tiles and buttons are reached by scrolling, none under the kit', async () => {
    const created = await theForum();
    const plenary = created.boards.find((b) => b.kind === 'plenary')!;
    const found: Record<string, string[]> = {};
    for (const size of [AT_400, PHONE_AT_200]) {
      const context = await zoomed(size);
      const page = await context.newPage();
      await openBoard(
        page,
        `${suite.server.url}/b/${plenary.id}#token=${created.facilitator.token}`,
      );
      await page.locator('.editor[data-tall]').waitFor();
      await page.locator('.forum-kit').getByRole('button', { name: 'Mosaïque' }).click();
      await page.locator('li.mosaic-tile').first().waitFor();
      await page.locator('.forum-kit [data-testid="forum-timer"]').waitFor();
      // The kit's buttons, the mosaic's « Plein écran » and « Fermer », and each territory's tile.
      const lost = await notReached(
        page,
        '.forum-kit .kit-button, .mosaic-header > button, li.mosaic-tile',
      );
      if (lost.length) found[size.name] = lost;
      await context.close();
    }
    expect(found).toEqual({});
  });

  it('on the first visit to a tall page, neither the hint nor the timer lies over the carton, before « Compris » or after', async () => {
    const created = await theForum();
    const territory = created.boards.find((b) => b.kind === 'territory')!;
    const found: Record<string, string[]> = {};
    for (const size of [
      {
        ...PHONE_AT_200,
        name: 'phone at 150 %',
        viewport: { width: 260, height: 563 },
        deviceScaleFactor: 4.5,
      },
      PHONE_AT_200,
      { name: '1366 × 768 at 300 %', viewport: { width: 455, height: 256 }, deviceScaleFactor: 3 },
    ]) {
      const context = await zoomed(size);
      // A first visit: the hint shows.
      await context.addInitScript(() => localStorage.removeItem('carton.helpHint'));
      const page = await context.newPage();
      await openBoard(page, territory.edit.url);
      await page.locator('.editor[data-tall] > .help-hint').waitFor();
      await page.locator('.forum-kit [data-testid="forum-timer"]').waitFor();
      await cameraSettled(page);
      const first = await overCarton(page);
      if (first.length) found[`${size.name}, first visit`] = first;
      await page.getByRole('button', { name: 'Compris' }).click();
      await page.locator('.help-hint').waitFor({ state: 'detached' });
      await cameraSettled(page);
      const then = await overCarton(page);
      if (then.length) found[`${size.name}, after « Compris »`] = then;
      await context.close();
    }
    expect(found).toEqual({});
  });

  it('on a phone zoomed to 200 %, the forum page does not scroll sideways', async () => {
    const created = await theForum();
    const context = await zoomed(PHONE_AT_200);
    const page = await context.newPage();
    await page.goto(`${suite.server.url}/f/${created.forum.id}#token=${created.facilitator.token}`);
    await page.locator('.forum-links tr[data-kind="territory"]').first().waitFor();
    // « Nom du territoire »'s field (its 20 characters' default width) and the heading « Les
    // incontournables » (one word) made the page 246 px wide: the phone showed it shrunk.
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    expect(widths).toEqual([195, 195]);
    await context.close();
  });
});
