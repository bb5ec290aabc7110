// « Contenu » (apps/web/src/outline): the board as text, with search. A Kamouraska board from the
// seed's template (its locked carton « Conditions de succès — Kamouraska » and headings) holds
// sentences of the 2023 forum; a search typed without accents finds them, Enter centres the view
// on each and selects it for an editor; a locked heading is centred on, not selected; a view
// link uses the same panel, follows others' edits live, and writes nothing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { localOrigin } from '@carton/board';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { REPO_ROOT, startServer, type CartonServer } from '../support/server';
import {
  createForum,
  newPhone,
  openBoard,
  shapes,
  territoryBoard,
  waitForShapes,
  type BoardLinks,
} from './fixtures';
import { connectSeedClient } from './seed';

const FILET =
  'Liens de relais entre les organismes. Partenariat pour toucher les clients dans le besoin = filet de sécurité';
const MAILLAGE = 'Maillage sécurité alimentaire';
const JARDINS = 'Bacs de jardinage en milieu de garde et écoles';
const ALIMENTATION = 'Rendre accessible une alimentation locale';

/** Writes the forum's sentences: three notes in the carton, one far outside it. */
async function seedKamouraska(server: CartonServer, board: BoardLinks): Promise<number> {
  const { board: model, close } = await connectSeedClient(
    server.syncUrl,
    board.id,
    board.edit.token,
  );
  const carton = model.listShapes().find((s) => s.type === 'carton');
  if (!carton) throw new Error('no template carton');
  model.run((tx) => {
    const inCarton = { parentId: carton.id, w: 210, h: 210 };
    tx.create('note', { x: 300, y: 190, text: FILET, color: 'pink', ...inCarton });
    tx.create('note', { x: 1100, y: 190, text: JARDINS, color: 'yellow', ...inCarton });
    tx.create('note', { x: 1100, y: 450, text: ALIMENTATION, color: 'green', ...inCarton });
    tx.create('note', { x: 3400, y: 2200, w: 210, h: 210, text: MAILLAGE, color: 'orange' });
  }, localOrigin('user:seed'));
  const count = model.listShapes().length;
  await new Promise((resolve) => setTimeout(resolve, 200));
  close();
  return count;
}

const SCREENSHOTS = join(REPO_ROOT, 'test-results/screenshots');

const panel = (page: Page) => page.locator('.outline-panel');
const search = (page: Page) => page.getByRole('searchbox', { name: 'Rechercher dans le tableau' });
const count = (page: Page) => panel(page).locator('.outline-count');
const noteId = async (page: Page, text: string) =>
  (await shapes(page)).find((s) => s.type === 'note' && s.text === text)!.id;
const selection = (page: Page) => page.evaluate(() => window.__carton!.selection());
/** The words the search paints (CSS Custom Highlight API: no element per match). */
const highlighted = (page: Page) =>
  page.evaluate(() =>
    [...(CSS.highlights.get('outline-match') ?? [])].map((range) => {
      const text = range.startContainer.textContent ?? '';
      return text.slice(range.startOffset, range.endOffset);
    }),
  );

/** Where the shape's centre is on screen, and the free part of the screen beside the panel. */
async function placeOnScreen(page: Page, id: string) {
  const shape = (await shapes(page)).find((s) => s.id === id)!;
  const box = 'w' in shape ? { w: shape.w, h: shape.h } : { w: 0, h: 0 };
  const centre = await page.evaluate(
    ([x, y]) => window.__carton!.worldToScreen(x!, y!),
    [shape.x + box.w / 2, shape.y + box.h / 2],
  );
  const free = await panel(page).evaluate((el) => el.getBoundingClientRect().left);
  return { centre, free };
}

/** Waits until the camera has the shape's centre on screen, left of the panel. */
async function waitCentredOn(page: Page, id: string): Promise<void> {
  const shape = (await shapes(page)).find((s) => s.id === id)!;
  const box = 'w' in shape ? { w: shape.w, h: shape.h } : { w: 0, h: 0 };
  await page.waitForFunction(
    ([x, y]) => {
      const p = window.__carton!.worldToScreen(x!, y!);
      const left = document.querySelector('.outline-panel')!.getBoundingClientRect().left;
      return p.x > 0 && p.x < left && p.y > 60 && p.y < window.innerHeight - 60;
    },
    [shape.x + box.w / 2, shape.y + box.h / 2],
    { timeout: 5_000 },
  );
}

describe('« Contenu »: the board as text, with search', () => {
  let server: CartonServer;
  let browser: Browser;
  let board: BoardLinks;
  let total = 0;
  let editor: Participant;
  let viewer: Participant;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    board = territoryBoard(await createForum(server, { territories: ['Kamouraska'] }));
    total = await seedKamouraska(server, board);
    editor = await newParticipant(browser, 'Émilie');
    viewer = await newParticipant(browser, 'Invité');
    // The reader's browser paints no named highlights, as before Chrome 105, Safari 17.2 and
    // Firefox 140: its search marks the words with <mark> elements instead.
    await viewer.context.addInitScript(() => {
      delete (window as { Highlight?: unknown }).Highlight;
    });
    await openBoard(editor.page, board.edit.url);
    await waitForShapes(editor.page, `(s) => s.length === ${total}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('lists the carton, its headings and notes in reading order, then what lies outside', async () => {
    const { page } = editor;
    await page.bringToFront();
    await page.locator('.canvas').focus();
    await page.keyboard.press('Control+f');
    await expect
      .poll(() => search(page).evaluate((el) => el === document.activeElement))
      .toBe(true);
    const labels = await panel(page)
      .locator('.outline-item')
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    const carton = 'Carton\u00a0: Conditions de succès — Kamouraska, verrouillé';
    const inCarton = ', dans Carton Conditions de succès — Kamouraska';
    expect(labels[0]).toBe(carton);
    expect(labels).toContain(`Titre\u00a0: Conditions présentes${inCarton}, verrouillé`);
    expect(labels).toContain(`Papillon\u00a0: ${JARDINS}${inCarton}`);
    expect(labels[labels.length - 1]).toBe(`Papillon\u00a0: ${MAILLAGE}`);
    const present = labels.findIndex((l) => l?.includes('Conditions présentes'));
    const wished = labels.findIndex((l) => l?.includes('Conditions souhaitées'));
    expect(present).toBeGreaterThan(0);
    expect(wished).toBeGreaterThan(present);
    // Column by column: each heading, then its own column's notes (the divider splits them).
    const at = (text: string) => labels.findIndex((l) => l?.includes(text));
    expect(at(FILET)).toBeGreaterThan(present);
    expect(at(FILET)).toBeLessThan(wished);
    expect(at(JARDINS)).toBeGreaterThan(wished);
    expect(at(ALIMENTATION)).toBeGreaterThan(at(JARDINS));
    expect(await panel(page).getByText('Hors des cartons').count()).toBe(1);
  });

  it('finds words typed without accents, counts them, and Enter goes to each', async () => {
    const { page } = editor;
    await search(page).fill('securite');
    await expect.poll(() => count(page).textContent()).toBe('2 résultats');
    await expect.poll(() => highlighted(page)).toEqual(['sécurité', 'sécurité']);
    expect(await panel(page).locator('mark').count()).toBe(0);

    const filet = await noteId(page, FILET);
    const maillage = await noteId(page, MAILLAGE);
    const before = await page.evaluate(() => window.__carton!.camera());
    await page.keyboard.press('Enter');
    await expect.poll(() => selection(page)).toEqual([filet]);
    await waitCentredOn(page, filet);

    await page.keyboard.press('Enter');
    await expect.poll(() => selection(page)).toEqual([maillage]);
    await waitCentredOn(page, maillage);
    const after = await page.evaluate(() => window.__carton!.camera());
    expect(after).not.toEqual(before);
    const { centre, free } = await placeOnScreen(page, maillage);
    // Centred in the part of the screen the panel leaves free.
    expect(Math.abs(centre.x - free / 2)).toBeLessThan(40);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'outline-search-fr.png') });
    // The search field keeps the focus: Enter again goes on (wrapping to the first).
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => selection(page)).toEqual([filet]);

    await search(page).fill('ECOLES');
    await expect.poll(() => count(page).textContent()).toBe('1 résultat');
    await expect.poll(() => highlighted(page)).toEqual(['écoles']);
    await search(page).fill('logement');
    await expect.poll(() => count(page).textContent()).toBe('Aucun résultat');
    // Nothing found, nothing painted: the highlight is taken off the page.
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
  });

  it('centres on a locked heading without selecting it, and Escape gives the focus back', async () => {
    const { page } = editor;
    await search(page).fill('conditions presentes');
    await expect.poll(() => count(page).textContent()).toBe('1 résultat');
    const heading = (await shapes(page)).find(
      (s) => s.type === 'text' && s.text.includes('Conditions présentes'),
    )!;
    await page.keyboard.press('Enter');
    await waitCentredOn(page, heading.id);
    expect(await selection(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count()).toBe(0);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('canvas'))).toBe(
      true,
    );
  });

  it('works on a view link, choosing for the reader alone and writing nothing', async () => {
    const { page } = viewer;
    await openBoard(page, board.view.url);
    await waitForShapes(page, `(s) => s.length === ${total}`);
    await page.bringToFront();
    await page.getByRole('button', { name: 'Contenu' }).click();
    // Live: another participant's note joins the results while the reader searches.
    await search(page).fill('jardin');
    await expect.poll(() => count(page).textContent()).toBe('1 résultat');
    const other = await connectSeedClient(server.syncUrl, board.id, board.edit.token);
    other.board.run(
      (tx) =>
        tx.create('note', { x: 3400, y: 1800, w: 210, h: 210, text: 'Les Grands Jardins #733' }),
      localOrigin('user:seed'),
    );
    total += 1;
    await expect.poll(() => count(page).textContent(), { timeout: 5_000 }).toBe('2 résultats');
    await waitForShapes(editor.page, `(s) => s.length === ${total}`);
    other.close();

    const before = JSON.stringify(await shapes(editor.page));
    await search(page).fill('ecoles');
    await expect.poll(() => count(page).textContent()).toBe('1 résultat');
    expect(await panel(page).locator('mark').allTextContents()).toEqual(['écoles']);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    const jardins = await noteId(page, JARDINS);
    await page.keyboard.press('Enter');
    await expect.poll(() => selection(page)).toEqual([jardins]);
    await waitCentredOn(page, jardins);
    // Activating a line does the same.
    await panel(page).locator('.outline-item[data-kind="note"]').first().click();
    await waitCentredOn(page, jardins);

    // The editor sees the reader, with nothing chosen, and the board unchanged.
    await editor.page.bringToFront();
    await expect
      .poll(() => editor.page.evaluate(() => window.__carton!.peers().map((p) => p.name)))
      .toContain('Invité');
    const seen = await editor.page.evaluate(() => window.__carton!.peers());
    expect(seen.find((p) => p.name === 'Invité')?.selection).toEqual([]);
    expect(JSON.stringify(await shapes(editor.page))).toBe(before);
    expect(viewer.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });

  it('is a bottom sheet of finger-sized lines on a phone', async () => {
    const { context, page } = await newPhone(browser, 'Léa');
    try {
      await openBoard(page, board.edit.url);
      await waitForShapes(page, `(s) => s.length === ${total}`);
      await page.getByRole('button', { name: 'Contenu' }).tap();
      await search(page).fill('securite');
      await expect.poll(() => count(page).textContent()).toBe('2 résultats');
      const sheet = (await panel(page).boundingBox())!;
      expect(sheet.width).toBe(390);
      expect(Math.round(sheet.y + sheet.height)).toBe(844);
      const heights = await panel(page)
        .locator('.outline-item, .outline-step, .outline-close')
        .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
      await panel(page).locator('.outline-item[data-kind="note"]').first().tap();
      const filet = await noteId(page, FILET);
      await expect.poll(() => selection(page)).toEqual([filet]);
      // Centred above the sheet, where the board is still visible.
      const { centre } = await placeOnScreen(page, filet);
      expect(centre.y).toBeLessThan(sheet.y);
      expect(centre.y).toBeGreaterThan(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'outline-phone-fr.png') });
    } finally {
      await context.close();
    }
  });

  it('Tab reads the carton in the same columns: a heading, its notes, then the next column', async () => {
    const { page } = editor;
    await page.bringToFront();
    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    expect(await selection(page)).toEqual([]);
    const all = await shapes(page);
    const visited: string[] = [];
    // → chooses the first shape, Tab the next ones: the same reading order.
    for (let i = 0; i < all.length; i++) {
      await page.keyboard.press(i === 0 ? 'ArrowRight' : 'Tab');
      const [id] = await selection(page);
      if (id) visited.push(id);
    }
    const name = (id: string) => {
      const s = all.find((shape) => shape.id === id)!;
      if (s.type === 'text' || (s.type === 'note' && s.text)) return s.text;
      if (s.type === 'note') return `note ${s.color}`;
      return s.type === 'stamp' ? s.kind : s.type;
    };
    // The carton's shapes (an earlier test wrote more outside it).
    expect(visited.map(name).slice(0, 11)).toEqual([
      'carton',
      'heart',
      'Conditions présentes',
      'note pink',
      FILET,
      'rect',
      'star',
      'Conditions souhaitées',
      'note yellow',
      JARDINS,
      ALIMENTATION,
    ]);
  });
});
