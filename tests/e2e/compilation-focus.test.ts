// « Les incontournables » by the keyboard: when the control that had the focus leaves the page
// (a notice of merges that no longer hold, « Reprendre les mots des papillons », the last
// suggestion of « Ces idées se ressemblent »), the focus goes to the idea acted on's
// « Reformuler ». It fell to the page's top (document.body), and a keyboard or screen-reader
// facilitator tabbed down the whole forum page again after each one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { ideaKey, localOrigin } from '@carton/board';
import { launchBrowser } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, type CreatedForum } from './fixtures';
import { connectSeedClient } from './seed';

const BUS = ['Transport collectif gratuit', 'Autobus le soir', 'Covoiturage organisé'];
const HOME = ['Logement abordable', 'Coopératives d’habitation'];
const OTHERS = ['Bon leadership', 'Plaisir !', 'Du plaisir', 'Sécurité alimentaire'];
const WORDS = 'Manger à sa faim, toute l’année';

describe('the focus after an action on « Les incontournables »', () => {
  let server: CartonServer;
  let browser: Browser;
  let forum: CreatedForum;
  let page: Page;
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    forum = await createForum(server, { territories: ['Kamouraska'], templates: false });
    const wall = forum.boards.find((b) => b.kind === 'postcards')!;
    const { board, close } = await connectSeedClient(
      `${server.url.replace('http', 'ws')}/sync`,
      wall.id,
      wall.edit.token,
    );
    const ids: string[] = [];
    board.run((tx) => {
      [...BUS, ...HOME, ...OTHERS].forEach((text, n) =>
        ids.push(tx.create('note', { x: 250 * n, y: 0, text })),
      );
    }, localOrigin('user:seed'));
    const put = (body: unknown) =>
      fetch(`${server.url}/api/forums/${forum.forum.id}/compilation`, {
        method: 'PUT',
        headers: {
          Authorization: `Bearer ${forum.facilitator.token}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await put({ boardIds: [wall.id] })).status).toBe(200);
    const merged = await put({
      merges: {
        [ideaKey(BUS[1]!)]: ideaKey(BUS[0]!),
        [ideaKey(BUS[2]!)]: ideaKey(BUS[0]!),
        [ideaKey(HOME[1]!)]: ideaKey(HOME[0]!),
      },
      wordings: { [ideaKey(OTHERS[3]!)]: WORDS },
    });
    expect(merged.status).toBe(200);
    // The ideas receiving the merges are edited on the postcards: the merges no longer hold.
    board.run((tx) => {
      tx.update(ids[0]!, { text: `${BUS[0]} pour tout le monde` });
      tx.update(ids[3]!, { text: `${HOME[0]} et salubre` });
    }, localOrigin('user:seed'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    close();
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'fr-CA',
    });
    page = await context.newPage();
    await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
    // The list saved above, with its two notices.
    await page.locator('.stale-merges').nth(1).waitFor({ timeout: 10_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('« Les laisser séparées »: on the first idea kept apart, « Compiler » answered meanwhile', async () => {
    // Both changes held, then answered in turn: « Compiler »'s first (the notice still there).
    const held: Route[] = [];
    const arrived = new Set<() => void>();
    await page.route('**/api/forums/*/compilation', (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      held.push(route);
      arrived.forEach((tell) => tell());
    });
    const nth = (n: number) =>
      new Promise<Route>((resolve) => {
        const look = () => held[n] && (arrived.delete(look), resolve(held[n]));
        arrived.add(look);
        look();
      });
    await page.getByRole('button', { name: 'Compiler' }).click();
    const compiling = await nth(0);
    const notice = page.locator(`.stale-merges[data-target="${ideaKey(BUS[0]!)}"]`);
    await notice.getByRole('button', { name: 'Les laisser séparées' }).press('Enter');
    const keepingApart = await nth(1);
    await compiling.continue();
    await page.getByRole('button', { name: 'Compiler', disabled: false }).waitFor();
    await keepingApart.continue();
    await page.unroute('**/api/forums/*/compilation');
    await notice.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await focused()).toMatch(
      /^Reformuler «\u00a0(Autobus le soir|Covoiturage organisé)\u00a0»$/,
    );
  });

  it('« Les fusionner de nouveau avec… »: on the idea they went into', async () => {
    const notice = page.locator(`.stale-merges[data-target="${ideaKey(HOME[0]!)}"]`);
    const select = notice.locator('select');
    await select.focus();
    await select.selectOption(ideaKey('Bon leadership'));
    await notice.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await focused()).toBe('Reformuler «\u00a0Bon leadership\u00a0»');
  });

  it('an action the server did not take moves no focus later', async () => {
    const item = page.locator(`.compilation-item[data-key="${ideaKey(OTHERS[3]!)}"]`);
    const back = item.getByRole('button', { name: 'Reprendre les mots des papillons' });
    await page.route('**/api/forums/*/compilation', (route) =>
      route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue(),
    );
    await back.press('Enter');
    await page.getByRole('alert').waitFor({ timeout: 10_000 });
    await page.unroute('**/api/forums/*/compilation');
    // The facilitator clicks the page's background, then drags an idea: the list draws again.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    const other = page.locator(`.compilation-item[data-key="${ideaKey('Bon leadership')}"]`);
    await other.dispatchEvent('dragstart', { dataTransfer });
    await other.dispatchEvent('dragend', { dataTransfer });
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
  });

  it('« Reprendre les mots des papillons »: on the idea’s « Reformuler »', async () => {
    const item = page.locator(`.compilation-item[data-key="${ideaKey(OTHERS[3]!)}"]`);
    const back = item.getByRole('button', { name: 'Reprendre les mots des papillons' });
    await back.press('Enter');
    await back.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await focused()).toBe('Reformuler «\u00a0Sécurité alimentaire\u00a0»');
  });

  it('the last suggestion of « Ces idées se ressemblent »: on the idea kept', async () => {
    const section = page.locator('.similar-ideas');
    expect(await section.locator('li').count()).toBe(1);
    await section.getByRole('button', { name: /^Fusionner/ }).press('Enter');
    await section.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await focused()).toMatch(/^Reformuler «\u00a0(Du plaisir|Plaisir\s!)\u00a0»$/);
  });
});
