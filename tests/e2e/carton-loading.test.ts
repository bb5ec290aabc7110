// A territory's carton whose board has not arrived yet is loading, not empty. A carton made from
// the seed's template has no shape until its board's first sync: the projector's territory slide
// and the plenary's mosaic (tile and large view) said « Rien sur ce carton pour l'instant » over
// a carton full of the table's notes, on a slow venue network. Here each territory board's socket
// has the server's messages held back (its first sync with them): the carton says « Chargement
// du carton… » and never that it is empty; once they are let through, the template's carton is
// drawn with neither sentence, and a blank carton says it is empty. The projector of a plenary
// whose own board and territories are still coming says « Chargement du tableau… », not « Ce
// tableau est vide. ».
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Route, WebSocketRoute } from 'playwright-core';
import { createForum, openBoard, type CreatedForum, serverAndBrowser } from './fixtures';

const EMPTY = 'Rien sur ce carton pour l’instant';
const LOADING = 'Chargement du carton…';

/** The server's messages to each territory board's socket (or `kind`'s), held until `release`. */
async function holdTerritorySync(
  page: Page,
  forum: CreatedForum,
  kind = 'territory',
): Promise<() => void> {
  const ids = new Set(forum.boards.filter((b) => b.kind === kind).map((b) => b.id));
  let holding = true;
  const held: { route: WebSocketRoute; message: string | Buffer }[] = [];
  await page.routeWebSocket(
    (url) => ids.has(url.pathname.split('/').pop() ?? ''),
    (route) => {
      const server = route.connectToServer();
      server.onMessage((message) => {
        if (holding) held.push({ route, message });
        else route.send(message);
      });
    },
  );
  return () => {
    holding = false;
    for (const { route, message } of held.splice(0)) route.send(message);
  };
}

const suite = serverAndBrowser();

describe('a carton still loading says so, not that it is empty', () => {
  let templated: CreatedForum;
  let blank: CreatedForum;
  let context: BrowserContext;

  beforeAll(async () => {
    [templated, blank] = await Promise.all([
      createForum(suite.server, { territories: ['Kamouraska', 'La Mitis'] }),
      createForum(suite.server, { territories: ['Témiscouata'], templates: false }),
    ]);
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
  });

  afterAll(async () => {
    await context?.close();
  });

  const plenary = (forum: CreatedForum) => forum.boards.find((b) => b.kind === 'plenary')!;

  /** The projector of `forum` on its first territory's slide, that board's sync held. */
  async function territorySlide(page: Page, forum: CreatedForum) {
    const release = await holdTerritorySync(page, forum);
    await page.goto(`${suite.server.url}/p/${plenary(forum).id}#token=${forum.facilitator.token}`);
    await page.locator('main.projector .projector-footer').waitFor({ timeout: 15_000 });
    const territory = page.locator('section.projector-territory');
    for (let i = 0; i < 6 && (await territory.count()) === 0; i++) {
      await page.keyboard.press('ArrowRight');
    }
    await territory.waitFor();
    return { territory, release };
  }

  it('on the projector’s territory slide: loading, then the template’s carton', async () => {
    const page = await context.newPage();
    try {
      const { territory, release } = await territorySlide(page, templated);
      await territory.locator('.projector-empty').filter({ hasText: LOADING }).waitFor();
      expect(await territory.getByText(EMPTY).count()).toBe(0);
      expect(await territory.getAttribute('data-shapes')).toBe('0');

      release();
      await page.waitForFunction(
        () =>
          Number(document.querySelector('.projector-territory')?.getAttribute('data-shapes')) > 0,
        null,
        { timeout: 10_000 },
      );
      expect(await territory.locator('.projector-empty').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('on the projector’s territory slide: loading, then empty for a blank carton', async () => {
    const page = await context.newPage();
    try {
      const { territory, release } = await territorySlide(page, blank);
      await territory.locator('.projector-empty').filter({ hasText: LOADING }).waitFor();
      expect(await territory.getByText(EMPTY).count()).toBe(0);

      release();
      await territory.locator('.projector-empty').filter({ hasText: EMPTY }).waitFor();
      expect(await territory.getByText(LOADING).count()).toBe(0);
      expect(await territory.getAttribute('data-shapes')).toBe('0');
    } finally {
      await page.close();
    }
  });

  it('on the plenary’s mosaic tiles and large view: loading, then the cartons', async () => {
    const page = await context.newPage();
    try {
      const release = await holdTerritorySync(page, templated);
      await openBoard(
        page,
        `${suite.server.url}/b/${plenary(templated).id}#token=${templated.facilitator.token}`,
      );
      await page.getByRole('button', { name: 'Mosaïque' }).click();
      const tiles = page.locator('li.mosaic-tile');
      await expect.poll(() => tiles.getByText(LOADING).count()).toBe(2);
      expect(await tiles.getByText(EMPTY).count()).toBe(0);
      await page.getByRole('button', { name: 'Agrandir Kamouraska' }).click();
      const large = page.locator('.mosaic-focus');
      await large.locator('.mosaic-empty').filter({ hasText: LOADING }).waitFor();
      expect(await large.getByText(EMPTY).count()).toBe(0);

      release();
      await page.waitForFunction(
        () => Number(document.querySelector('.mosaic-focus')?.getAttribute('data-shapes')) > 0,
        null,
        { timeout: 10_000 },
      );
      expect(await large.locator('.mosaic-empty').count()).toBe(0);
      await page.getByRole('button', { name: 'Retour à la mosaïque' }).click();
      await expect.poll(() => tiles.locator('.mosaic-empty').count()).toBe(0);
      for (const shapes of await tiles.evaluateAll((all) =>
        all.map((li) => Number(li.getAttribute('data-shapes'))),
      )) {
        expect(shapes).toBeGreaterThan(0);
      }
    } finally {
      await page.close();
    }
  });

  it('on the projector of a plenary still loading: « Chargement du tableau… », not empty', async () => {
    const forum = blank;
    const page = await context.newPage();
    try {
      // The plenary's own board and the forum's territories both still on their way.
      const release = await holdTerritorySync(page, forum, 'plenary');
      const listed: Route[] = [];
      let holding = true;
      await page.route(
        (url) => url.pathname.endsWith(`/api/forums/${forum.forum.id}/boards`),
        (route) => (holding ? void listed.push(route) : route.continue()),
      );
      await page.goto(
        `${suite.server.url}/p/${plenary(forum).id}#token=${forum.facilitator.token}`,
      );
      const main = page.locator('main.projector');
      await main.locator('.projector-empty', { hasText: 'Chargement du tableau…' }).waitFor();
      expect(await main.getByText('Ce tableau est vide.').count()).toBe(0);

      release();
      holding = false;
      await Promise.all(listed.splice(0).map((r) => r.continue()));
      // Its territory's mosaic, the board being empty.
      await main.locator('li.mosaic-tile').first().waitFor();
      expect(await main.locator('.projector-empty').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
