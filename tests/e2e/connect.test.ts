// Connecting two notes with an arrow without drawing it (WCAG 2.1.1; also easier with a finger):
// from the keyboard, the arrow tool's Enter on one note then Enter on another; on a phone, a tap
// on one then a tap on the other; with two notes chosen, « Relier » in their panel. The arrow is
// bound to both, for the other participant too.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Shape } from '@carton/board';
import {
  addNote,
  boardSuite,
  newPhone,
  openBoard,
  shapes,
  toScreen,
  waitForShapes,
} from './fixtures';

function selection(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__carton!.selection());
}

/** The arrow bound from `from` to `to`, as `page` sees the board. */
function boundArrow(from: string, to: string): string {
  return `(s) => s.some((x) => x.type === "arrow" && x.startBinding?.shapeId === "${from}" && x.endBinding?.shapeId === "${to}")`;
}

async function centreOf(page: Page, id: string): Promise<{ x: number; y: number }> {
  const shape = (await shapes(page)).find((s: Shape) => s.id === id);
  if (shape?.type !== 'note') throw new Error(`no note ${id}`);
  return toScreen(page, shape.x + shape.w / 2, shape.y + shape.h / 2);
}

describe('two notes connected by an arrow without drawing it', () => {
  const suite = boardSuite({
    territory: 'La Matapédia',
    participants: { a: 'Émilie', b: 'Marc' },
  });
  let logement = '';
  let transport = '';

  it('from the keyboard: the arrow tool, Enter on the start, Enter on the end', async () => {
    const { page } = suite.a;
    logement = await addNote(page, 320, 320, 'Logement');
    transport = await addNote(page, 760, 320, 'Transport');
    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('a');
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('arrow');
    // The arrows choose a note in reading order (left to right here).
    await page.keyboard.press('ArrowRight');
    expect(await selection(page)).toEqual([logement]);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-testid="announcer"]').innerText())
      .toMatch(/^Début de la flèche choisi/);
    await page.keyboard.press('ArrowRight');
    expect(await selection(page)).toEqual([transport]);
    await page.keyboard.press('Enter');
    await waitForShapes(page, boundArrow(logement, transport));
    await waitForShapes(suite.b.page, boundArrow(logement, transport));
    // One arrow, one undo step.
    await page.keyboard.press('Control+z');
    await waitForShapes(page, '(s) => !s.some((x) => x.type === "arrow")');
  });

  it('with the mouse: two notes chosen, « Relier » draws it from the first to the second', async () => {
    const { page } = suite.a;
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const a = await centreOf(page, transport);
    const b = await centreOf(page, logement);
    await page.mouse.click(a.x, a.y);
    await page.keyboard.down('Shift');
    await page.mouse.click(b.x, b.y);
    await page.keyboard.up('Shift');
    expect(await selection(page)).toEqual([transport, logement]);
    await page.getByRole('button', { name: 'Relier par une flèche' }).click();
    await waitForShapes(suite.b.page, boundArrow(transport, logement));
    // Only for two shapes: one chosen, no « Relier ».
    await page.mouse.click(a.x, a.y);
    expect(await page.getByRole('button', { name: 'Relier par une flèche' }).count()).toBe(0);
  });

  it('on a phone: the arrow tool, a tap on one note, a tap on the other', async () => {
    const { page, context } = await newPhone(suite.browser, 'Julie');
    await openBoard(page, suite.board.edit.url);
    await page.locator('[data-tool="arrow"]').tap();
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('arrow');
    const from = await centreOf(page, logement);
    const to = await centreOf(page, transport);
    await page.touchscreen.tap(from.x, from.y);
    expect(await selection(page)).toEqual([logement]);
    await page.touchscreen.tap(to.x, to.y);
    await waitForShapes(suite.a.page, boundArrow(logement, transport));
    await context.close();
  });
});
