// Locked shapes (M33, T1) in the real client: on a fresh territory board the facilitator's layout
// (carton, headings, divider) is locked, so a participant's drag does not take it apart; notes
// still go into the carton and move in it. A right-click, a long-press or the keyboard choose a
// locked shape, whose panel offers only « Déverrouiller »; the other participant sees the lock
// change live, and undo brings it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Shape } from '@carton/board';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import {
  createForum,
  drag,
  newPhone,
  openBoard,
  shapes,
  territoryBoard,
  toScreen,
  waitForShapes,
  type BoardLinks,
} from './fixtures';

const HEADING = 'Conditions présentes';

const announcer = (page: Page) => page.locator('[data-testid="announcer"]').innerText();
const panelButtons = (page: Page) => page.locator('.style-panel button').allTextContents();

async function layout(page: Page) {
  const list = await shapes(page);
  const heading = list.find((s) => s.type === 'text' && s.text === HEADING);
  const carton = list.find((s) => s.type === 'carton');
  if (heading?.type !== 'text' || carton?.type !== 'carton') throw new Error('no template');
  return { heading, carton, list };
}

const centreOf = (page: Page, s: Shape & { w: number; h: number }) =>
  toScreen(page, s.x + s.w / 2, s.y + s.h / 2);

const headingIs = (id: string, test: string) =>
  `(s) => s.some((x) => x.id === ${JSON.stringify(id)} && (${test})(x))`;

describe('locked shapes on a territory board', () => {
  let server: CartonServer;
  let browser: Browser;
  let board: BoardLinks;
  let a: Participant;
  let b: Participant;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    board = territoryBoard(
      await createForum(server, { territories: ['Rimouski-Neigette'], templates: true }),
    );
    a = await newParticipant(browser, 'Marie-Anne');
    b = await newParticipant(browser, 'Sylvain');
    await openBoard(a.page, board.edit.url);
    await openBoard(b.page, board.edit.url);
  });

  // Ginette's phone for both touch cases: the second finds the board as the first left it, its
  // choice let go (a new context and a board's load were ~3 s, 5–10 s on a loaded CI machine).
  let ginette: Promise<{ context: BrowserContext; page: Page }> | undefined;

  afterAll(async () => {
    await (await ginette)?.context.close();
    await browser?.close();
    await server?.dispose();
  });

  /** Ginette's phone on the board, nothing chosen. */
  async function phoneOnBoard(): Promise<{ context: BrowserContext; page: Page }> {
    ginette ??= newPhone(browser, 'Ginette');
    const phone = await ginette;
    if (!phone.page.url().startsWith(board.edit.url.split('#')[0]!)) {
      await openBoard(phone.page, board.edit.url);
    }
    await phone.page.locator('.canvas').focus();
    await phone.page.keyboard.press('Escape');
    await phone.page.waitForFunction(() => window.__carton!.selection().length === 0);
    return phone;
  }

  it('T1: a drag on the carton heading or title moves nothing, the eraser takes nothing, a click chooses nothing', async () => {
    const page = a.page;
    await page.bringToFront();
    const { heading, carton, list } = await layout(page);
    expect(heading.locked).toBe(true);
    expect(carton.locked).toBe(true);
    const from = await centreOf(page, heading);
    await drag(page, from, { x: from.x + 180, y: from.y + 120 });
    const title = await toScreen(page, carton.x + 1000, carton.y + 20);
    await drag(page, title, { x: title.x + 150, y: title.y + 90 });
    await page.mouse.click(from.x, from.y);
    // The eraser passes over the heading and the divider without taking them.
    const divider = (await shapes(page)).find((s) => s.type === 'rect');
    if (divider?.type !== 'rect') throw new Error('the template has a divider');
    const across = await toScreen(page, divider.x + divider.w / 2, heading.y + 30);
    await page.keyboard.press('e');
    await drag(page, { x: from.x - 100, y: from.y }, { x: across.x + 40, y: across.y });
    await page.keyboard.press('v');
    const after = await layout(page);
    expect(after.list.map((s) => s.id).sort()).toEqual(list.map((s) => s.id).sort());
    expect({ x: after.heading.x, y: after.heading.y }).toEqual({ x: heading.x, y: heading.y });
    expect({ x: after.carton.x, y: after.carton.y }).toEqual({ x: carton.x, y: carton.y });
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([]);
  });

  it('M33: a note is placed in the locked carton and moved in it', async () => {
    const page = a.page;
    const { carton } = await layout(page);
    const before = new Set((await shapes(page)).map((s) => s.id));
    const spot = await toScreen(page, carton.x + 400, carton.y + 700);
    await page.keyboard.press('n');
    await page.mouse.click(spot.x, spot.y);
    const list = await waitForShapes(page, `(s) => s.length === ${before.size + 1}`);
    const note = list.find((s) => !before.has(s.id));
    if (note?.type !== 'note') throw new Error('no new note');
    expect(note.parentId).toBe(carton.id);
    await page.keyboard.press('Escape');
    const centre = await centreOf(page, note);
    await drag(page, centre, { x: centre.x + 100, y: centre.y - 40 });
    const moved = await waitForShapes(
      page,
      headingIs(note.id, `(x) => x.x !== ${note.x} && x.parentId === ${JSON.stringify(carton.id)}`),
    );
    expect(moved.find((s) => s.id === note.id)?.x).toBeGreaterThan(note.x);
  });

  it('M33: a right-click offers only « Déverrouiller »; then a drag moves it, seen live; undo locks it again', async () => {
    const page = a.page;
    await page.bringToFront();
    await page.keyboard.press('Escape');
    const { heading } = await layout(page);
    const from = await centreOf(page, heading);
    await page.mouse.click(from.x, from.y, { button: 'right' });
    await page.waitForFunction((id) => window.__carton!.selection().join() === id, heading.id);
    expect(await panelButtons(page)).toEqual(['Déverrouiller']);
    expect(await announcer(page)).toContain('verrouillé');

    await page.locator('.style-panel button', { hasText: 'Déverrouiller' }).click();
    await waitForShapes(b.page, headingIs(heading.id, '(x) => x.locked === undefined'));
    await expect.poll(() => announcer(page)).toBe('Déverrouillé');
    await expect.poll(() => panelButtons(page)).toContain('Verrouiller');
    expect(await panelButtons(page)).toContain('Supprimer');

    await drag(page, from, { x: from.x + 120, y: from.y + 60 });
    const moved = await waitForShapes(
      b.page,
      headingIs(heading.id, `(x) => x.x > ${heading.x} && x.y > ${heading.y}`),
    );
    expect(moved.find((s) => s.id === heading.id)?.locked).toBeUndefined();

    // Undo the move, then the unlock: the heading is back in place and locked, for both.
    await page.keyboard.press('Control+z');
    await waitForShapes(page, headingIs(heading.id, `(x) => x.x === ${heading.x}`));
    await page.keyboard.press('Control+z');
    await waitForShapes(
      b.page,
      headingIs(heading.id, `(x) => x.locked === true && x.x === ${heading.x}`),
    );
  });

  it('M33: « Verrouiller » in a chosen note’s panel locks it for both; Delete then leaves it', async () => {
    const page = a.page;
    await page.keyboard.press('Escape');
    const note = (await shapes(page)).find((s) => s.type === 'note');
    if (note?.type !== 'note') throw new Error('the template has notes');
    const centre = await centreOf(page, note);
    await page.mouse.click(centre.x, centre.y);
    await page.waitForFunction((id) => window.__carton!.selection().join() === id, note.id);
    await page.locator('.style-panel button', { hasText: /^Verrouiller$/ }).click();
    await waitForShapes(b.page, headingIs(note.id, '(x) => x.locked === true'));
    await expect.poll(() => announcer(page)).toBe('Verrouillé');
    await expect.poll(() => panelButtons(page)).toEqual(['Déverrouiller']);
    await page.locator('.canvas').focus();
    await page.keyboard.press('Delete');
    await page.keyboard.press('ArrowRight');
    const still = (await shapes(page)).find((s) => s.id === note.id);
    expect(still).toMatchObject({ x: note.x, y: note.y, locked: true });
  });

  it('M33: the keyboard reaches a locked shape by Tab; the arrows do not move it; its panel unlocks and locks it', async () => {
    const page = a.page;
    await page.keyboard.press('Escape');
    const { heading } = await layout(page);
    await page.locator('.canvas').focus();
    await page.keyboard.press('ArrowRight');
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      const selection = await page.evaluate(() => window.__carton!.selection());
      reached = selection.join() === heading.id;
      if (!reached) await page.keyboard.press('Tab');
    }
    expect(reached).toBe(true);
    expect(await panelButtons(page)).toEqual(['Déverrouiller']);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const after = await layout(page);
    expect({ x: after.heading.x, y: after.heading.y }).toEqual({ x: heading.x, y: heading.y });
    // Ctrl+Enter goes to its panel; Enter unlocks it, and the keyboard stays on « Verrouiller ».
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Enter');
    await waitForShapes(b.page, headingIs(heading.id, '(x) => x.locked === undefined'));
    await expect.poll(() => announcer(page)).toBe('Déverrouillé');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-lock') === 'lock');
    await page.keyboard.press('Enter');
    await waitForShapes(b.page, headingIs(heading.id, '(x) => x.locked === true'));
  });

  it('M33: on a phone a finger dragging on the locked carton pans; a long-press offers « Déverrouiller »', async () => {
    const { context, page } = await phoneOnBoard();
    const { heading, carton } = await layout(page);
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }],
      });
    const camera = await page.evaluate(() => window.__carton!.camera());
    // The carton's lower body, clear of the notes: a locked carton, not the background.
    const body = await toScreen(page, carton.x + 1200, carton.y + 850);
    await touch('touchStart', body.x, body.y);
    for (let i = 1; i <= 8; i++) await touch('touchMove', body.x - i * 6, body.y - i * 5);
    await touch('touchEnd', 0, 0);
    const panned = await page.evaluate(() => window.__carton!.camera());
    expect(panned.x - camera.x).toBeCloseTo(-48, 0);
    expect(panned.y - camera.y).toBeCloseTo(-40, 0);
    expect((await layout(page)).carton.x).toBe(carton.x);

    const on = await centreOf(page, heading);
    await touch('touchStart', on.x, on.y);
    await page.waitForFunction((id) => window.__carton!.selection().join() === id, heading.id);
    await touch('touchEnd', 0, 0);
    expect(await panelButtons(page)).toEqual(['Déverrouiller']);
  });

  it('M33: a finger that taps or drags a locked heading is told why it stays, and how to unlock it', async () => {
    const { context, page } = await phoneOnBoard();
    const { heading } = await layout(page);
    const toast = page.locator('.toast');
    // A phone has no hover: without a word, the view panned under a finger that meant to move
    // the heading, and nothing said why nor that a long-press unlocks it.
    const on = await centreOf(page, heading);
    await page.touchscreen.tap(on.x, on.y);
    await toast.waitFor({ timeout: 3000 });
    expect(await toast.innerText()).toBe(
      'Verrouillé\u00a0: gardez le doigt appuyé dessus pour le déverrouiller.',
    );
    // Its own width, on screen: not squeezed into the phone's right half (three lines).
    const box = await toast.evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.width).toBeGreaterThan(390 / 2 + 20);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([]);
    expect((await layout(page)).heading.x).toBe(heading.x);
    await toast.waitFor({ state: 'detached', timeout: 5000 });
    // A tap on the carton's empty body chooses nothing and says nothing: it is how one lets go
    // of a note there.
    const { carton } = await layout(page);
    const body = await toScreen(page, carton.x + 1200, carton.y + 850);
    await page.touchscreen.tap(body.x, body.y);
    await page.waitForTimeout(300);
    expect(await toast.count()).toBe(0);
    // A finger's drag on the heading pans the view; lifted, it is told the same.
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }],
      });
    const from = await centreOf(page, heading);
    await touch('touchStart', from.x, from.y);
    for (let i = 1; i <= 8; i++) await touch('touchMove', from.x + i * 6, from.y + i * 5);
    await touch('touchEnd', 0, 0);
    await toast.waitFor({ timeout: 3000 });
    expect((await layout(page)).heading.x).toBe(heading.x);
  });
});
