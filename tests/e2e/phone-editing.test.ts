// Writing on a phone: the territory board opens fitted (~20 %), where a note's editor was drawn
// in 7 px type. Opening a note or a heading for writing zooms to it, near the top of the screen
// (above where the keyboard rises), so the newcomer reads what they type.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  boardSuite,
  cameraSettled,
  createForum,
  newPhone,
  openBoard,
  shapes,
  territoryBoard,
  toScreen,
} from './fixtures';

async function editorBox(page: Page) {
  const editor = page.locator('textarea.text-editor');
  await editor.waitFor();
  return editor.evaluate((e) => ({
    kind: e.className,
    fontSize: parseFloat(getComputedStyle(e).fontSize),
    box: e.getBoundingClientRect().toJSON() as DOMRect,
  }));
}

async function tapTwice(page: Page, x: number, y: number) {
  await page.touchscreen.tap(x, y);
  await page.waitForTimeout(60);
  await page.touchscreen.tap(x, y);
}

describe('writing on a phone at fit-all zoom', () => {
  const suite = boardSuite({ territory: null });

  it('a note of the template opens readable and on screen', async () => {
    const board = territoryBoard(
      await createForum(suite.server, { territories: ['Les Basques'], templates: true }),
    );
    const { page } = await newPhone(suite.browser, 'Ginette');
    await openBoard(page, board.edit.url);
    await page.waitForFunction(() => window.__carton!.camera().zoom < 0.3);
    const note = (await shapes(page)).find((s) => s.type === 'note');
    if (!note) throw new Error('the template has notes');
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    await tapTwice(page, centre.x, centre.y);
    await page.locator('textarea.text-editor').waitFor();
    await cameraSettled(page);
    const { kind, fontSize, box } = await editorBox(page);
    expect(kind).toContain('text-editor-note');
    expect(fontSize).toBeGreaterThanOrEqual(14);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(390);
    // Below the header, in the upper half (a phone's keyboard covers the lower one).
    const header = await page
      .locator('.editor-header')
      .evaluate((e) => e.getBoundingClientRect().bottom);
    expect(box.top).toBeGreaterThanOrEqual(header);
    // Not under the folded people list either: its name and count would show through the text.
    const people = await page.locator('.people').evaluate((e) => e.getBoundingClientRect().bottom);
    expect(box.top).toBeGreaterThanOrEqual(people);
    expect(box.bottom).toBeLessThanOrEqual(844 / 2 + 100);

    await page.keyboard.type('Logement abordable pour tous');
    await page.touchscreen.tap(20, 700);
    const written = (await shapes(page)).find((s) => s.id === note.id);
    expect(written?.type === 'note' && written.text).toBe('Logement abordable pour tous');
  });

  it('a finger drags a selected note at fit zoom: it moves, its size stays', async () => {
    const board = territoryBoard(
      await createForum(suite.server, { territories: ['La Mitis'], templates: true }),
    );
    const { context, page } = await newPhone(suite.browser, 'Réjean');
    await openBoard(page, board.edit.url);
    await page.waitForFunction(() => window.__carton!.camera().zoom < 0.3);
    const note = (await shapes(page)).find((s) => s.type === 'note');
    if (note?.type !== 'note') throw new Error('the template has notes');
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    await page.touchscreen.tap(centre.x, centre.y);
    await page.waitForFunction((id) => window.__carton!.selection()[0] === id, note.id);
    // Grabbed near its corner, inside it: where the corner handle's finger-sized target lies.
    const from = await toScreen(page, note.x + note.w * 0.8, note.y + note.h * 0.8);
    const zoom = await page.evaluate(() => window.__carton!.camera().zoom);
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }],
      });
    await touch('touchStart', from.x, from.y);
    for (let i = 1; i <= 8; i++) await touch('touchMove', from.x + i * 8, from.y + i * 4);
    await touch('touchEnd', 0, 0);
    const moved = (await shapes(page)).find((s) => s.id === note.id);
    if (moved?.type !== 'note') throw new Error('the note is gone');
    expect(moved.w).toBeCloseTo(note.w, 3);
    expect(moved.h).toBeCloseTo(note.h, 3);
    expect(moved.x - note.x).toBeGreaterThan(48 / zoom);
    await context.close();
  });
});
