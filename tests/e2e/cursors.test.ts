// The mouse cursor says what a press will do: resize cursors on the selection's handles, a
// rotate cursor on its rotate handle, `move` over a shape, `grab`/`grabbing` with the hand tool.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite, toScreen, waitForShapes } from './fixtures';

const cursor = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.querySelector('.canvas')!).cursor);

async function cursorAt(page: Page, x: number, y: number): Promise<string> {
  await page.mouse.move(x, y, { steps: 2 });
  return cursor(page);
}

describe('canvas cursors', () => {
  const suite = boardSuite({ territory: 'Les Basques', participants: { a: 'Émilie' } });

  it('select: handles show resize and rotate cursors, the note shows move', async () => {
    const page = suite.a.page;
    await page.keyboard.press('n');
    await page.mouse.click(500, 400);
    const [note] = await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    if (note?.type !== 'note') throw new Error('expected a note');
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([note.id]);
    const tl = await toScreen(page, note.x, note.y);
    const br = await toScreen(page, note.x + note.w, note.y + note.h);
    const mid = { x: (tl.x + br.x) / 2, y: (tl.y + br.y) / 2 };

    expect(await cursorAt(page, tl.x, tl.y)).toBe('nwse-resize');
    expect(await cursorAt(page, br.x, br.y)).toBe('nwse-resize');
    expect(await cursorAt(page, br.x, tl.y)).toBe('nesw-resize');
    expect(await cursorAt(page, tl.x, br.y)).toBe('nesw-resize');
    expect(await cursorAt(page, mid.x, tl.y)).toBe('ns-resize');
    expect(await cursorAt(page, br.x, mid.y)).toBe('ew-resize');
    expect(await cursorAt(page, mid.x, tl.y - 26)).toMatch(/^url\("data:image\/svg\+xml.*grab$/u);
    expect(await cursorAt(page, mid.x, mid.y)).toBe('move');
    expect(await cursorAt(page, br.x + 150, br.y + 60)).toBe('default');

    // The resize cursor stays on while the corner is dragged, even off the handle.
    await page.mouse.move(br.x, br.y);
    await page.mouse.down();
    await page.mouse.move(br.x + 40, br.y + 40, { steps: 4 });
    expect(await cursor(page)).toBe('nwse-resize');
    await page.mouse.up();
  });

  it('the hand tool grabs, and grabs tighter while dragging; a drawing tool keeps its own', async () => {
    const page = suite.a.page;
    await page.keyboard.press('h');
    expect(await cursorAt(page, 300, 300)).toBe('grab');
    await page.mouse.down();
    await page.mouse.move(340, 330, { steps: 3 });
    expect(await cursor(page)).toBe('grabbing');
    await page.mouse.up();
    expect(await cursor(page)).toBe('grab');
    await page.keyboard.press('p');
    expect(await cursorAt(page, 500, 400)).toBe('crosshair');
  });
});
