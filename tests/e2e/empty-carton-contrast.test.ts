// A territory's carton with nothing on it yet says so: « Rien sur ce carton pour l'instant ». On
// the projector's territory slide it was drawn white over the carton's cream, hard to read from
// the back of the room (1.1 : 1). Here the sentence is read as drawn: the screenshot of its text's
// box, its darkest and lightest pixels, their contrast at least WCAG AA's 4.5 : 1 — on the
// projector's slide, and on the plenary's mosaic tile and its large view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Locator } from 'playwright-core';
import { createForum, openBoard, type CreatedForum, serverAndBrowser } from './fixtures';

const EMPTY = 'Rien sur ce carton pour l’instant';

/** The contrast ratio between the darkest and the lightest pixel of `text`'s drawn text. */
async function drawnContrast(page: Page, reader: Page, text: Locator): Promise<number> {
  const box = await text.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  });
  expect(box.width).toBeGreaterThan(20);
  const png = (await page.screenshot({ clip: box })).toString('base64');
  // Decoded on a blank page (the app's own page allows no data: images).
  return reader.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const g = canvas.getContext('2d')!;
    g.drawImage(image, 0, 0);
    const pixels = g.getImageData(0, 0, image.width, image.height).data;
    const channel = (v: number) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    let low = 1;
    let high = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const l =
        0.2126 * channel(pixels[i]!) +
        0.7152 * channel(pixels[i + 1]!) +
        0.0722 * channel(pixels[i + 2]!);
      low = Math.min(low, l);
      high = Math.max(high, l);
    }
    return (high + 0.05) / (low + 0.05);
  }, png);
}

const suite = serverAndBrowser();

describe('an empty carton’s « Rien sur ce carton pour l’instant »', () => {
  let forum: CreatedForum;
  let context: BrowserContext;
  let reader: Page;

  beforeAll(async () => {
    // Blank cartons (no template): nothing on them.
    forum = await createForum(suite.server, {
      territories: ['Kamouraska', 'La Mitis'],
      templates: false,
    });
    context = await suite.browser.newContext({
      viewport: { width: 1280, height: 720 },
      locale: 'fr-CA',
    });
    // The facilitator's name already given: the plenary opens without asking it.
    await context.addInitScript(() => {
      try {
        localStorage.setItem('carton.name', 'Animation');
      } catch {
        // about:blank has no storage.
      }
    });
    reader = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
  });

  const plenary = () => forum.boards.find((b) => b.kind === 'plenary')!;

  it('is readable on the projector’s territory slide', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${suite.server.url}/p/${plenary().id}#token=${forum.facilitator.token}`);
      await page.locator('main.projector .projector-footer').waitFor({ timeout: 15_000 });
      const territory = page.locator('section.projector-territory');
      for (let i = 0; i < 6 && (await territory.count()) === 0; i++) {
        await page.keyboard.press('ArrowRight');
      }
      const empty = territory.locator('.projector-empty').filter({ hasText: EMPTY });
      await empty.waitFor({ timeout: 10_000 });
      await territory.locator('.projector-slide svg').waitFor();
      expect(await drawnContrast(page, reader, empty)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await page.close();
    }
  });

  it('is readable on the plenary’s mosaic tile and its large view', async () => {
    const page = await context.newPage();
    try {
      await openBoard(
        page,
        `${suite.server.url}/b/${plenary().id}#token=${forum.facilitator.token}`,
      );
      await page.getByRole('button', { name: 'Mosaïque' }).click();
      const tile = page.locator('li.mosaic-tile .mosaic-empty').filter({ hasText: EMPTY }).first();
      await tile.waitFor({ timeout: 10_000 });
      expect(await drawnContrast(page, reader, tile)).toBeGreaterThanOrEqual(4.5);
      await page.getByRole('button', { name: 'Agrandir Kamouraska' }).click();
      const large = page.locator('.mosaic-focus .mosaic-empty').filter({ hasText: EMPTY });
      await large.waitFor({ timeout: 10_000 });
      expect(await drawnContrast(page, reader, large)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await page.close();
    }
  });
});
