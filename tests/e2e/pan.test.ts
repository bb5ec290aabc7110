// Panning moves the drawn board with the camera. The canvas is redrawn only now and then while
// panning (between redraws a CSS transform carries it): a note must stay where the camera puts it
// during a pan, after it settles, past the stage's margin, after a zoom, and under the text editor.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { NoteShape } from '@carton/board';
import { boardSuite, toScreen, waitForShapes } from './fixtures';

const YELLOW = [0xff, 0xf1, 0x76];

/** The screen's colour (what was composited, not what a canvas holds) at a page point. */
async function colourAt(page: Page, at: { x: number; y: number }): Promise<number[]> {
  const png = PNG.sync.read(
    await page.screenshot({
      clip: { x: Math.round(at.x) - 1, y: Math.round(at.y) - 1, width: 3, height: 3 },
    }),
  );
  const i = (png.width * 1 + 1) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

function isYellow(colour: readonly number[]): boolean {
  return YELLOW.every((v, i) => Math.abs((colour[i] ?? 0) - v) <= 3);
}

describe('panning the canvas', () => {
  const suite = boardSuite({ territory: 'Rimouski-Neigette', participants: { a: 'Émilie' } });
  let note: NoteShape;

  /** A point inside the note (clear of its text and handles) and one just left of it. */
  async function expectNoteInPlace(page: Page): Promise<void> {
    const inside = await toScreen(page, note.x + 30, note.y + 30);
    const outside = await toScreen(page, note.x - 30, note.y + 30);
    expect(isYellow(await colourAt(page, inside))).toBe(true);
    expect(isYellow(await colourAt(page, outside))).toBe(false);
  }

  async function pressAndMove(page: Page, from: [number, number], by: [number, number]) {
    await page.mouse.move(...from);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(from[0] + (by[0] * i) / 10, from[1] + (by[1] * i) / 10);
  }

  beforeAll(async () => {
    const { page } = suite.a;
    await page.keyboard.press('n');
    await page.mouse.click(500, 380);
    const list = await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    const created = list.find((s) => s.type === 'note');
    if (created?.type !== 'note') throw new Error('no note');
    note = created;
    await page.keyboard.press('h');
  });

  it('draws the note where the camera puts it before any pan', async () => {
    await expectNoteInPlace(suite.a.page);
  });

  it('keeps the note under the camera while the pointer still pans, and once it rests', async () => {
    const page = suite.a.page;
    const start = await page.evaluate(() => window.__carton!.camera());
    // Less than the stage's margin: carried by CSS until the view comes to rest.
    await pressAndMove(page, [600, 500], [120, 70]);
    const camera = await page.evaluate(() => window.__carton!.camera());
    expect(camera.x - start.x).toBeCloseTo(120, 5);
    expect(camera.y - start.y).toBeCloseTo(70, 5);
    await expectNoteInPlace(page);
    await page.mouse.up();
    await page.waitForTimeout(400);
    await expectNoteInPlace(page);
  });

  it('keeps it in place past the margin (the view is redrawn at the new camera)', async () => {
    const page = suite.a.page;
    await pressAndMove(page, [500, 300], [430, 250]);
    await expectNoteInPlace(page);
    await page.mouse.up();
    await page.waitForTimeout(400);
    await expectNoteInPlace(page);
    // And back the other way, beyond where the stage was first drawn.
    await pressAndMove(page, [800, 550], [-560, -330]);
    await page.mouse.up();
    await expectNoteInPlace(page);
  });

  it('keeps it in place after a wheel zoom', async () => {
    const page = suite.a.page;
    const inside = await toScreen(page, note.x + 30, note.y + 30);
    await page.mouse.move(inside.x, inside.y);
    await page.mouse.wheel(0, -240);
    await page.waitForFunction(() => window.__carton!.camera().zoom > 1);
    await expectNoteInPlace(page);
  });

  it('lays the text editor over the note after panning', async () => {
    const page = suite.a.page;
    await pressAndMove(page, [600, 400], [-90, 60]);
    await page.mouse.up();
    await page.keyboard.press('v');
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    await page.mouse.dblclick(centre.x, centre.y);
    const editor = await page.locator('textarea.text-editor').boundingBox();
    if (!editor) throw new Error('no text editor');
    const topLeft = await toScreen(page, note.x, note.y);
    const bottomRight = await toScreen(page, note.x + note.w, note.y + note.h);
    expect(editor.x).toBeGreaterThanOrEqual(topLeft.x - 1);
    expect(editor.y).toBeGreaterThanOrEqual(topLeft.y - 1);
    expect(editor.x + editor.width).toBeLessThanOrEqual(bottomRight.x + 1);
    expect(editor.y + editor.height).toBeLessThanOrEqual(bottomRight.y + 1);
    // The editor covers the note's middle, so the canvas around it is still the note.
    await page.keyboard.press('Escape');
    await expectNoteInPlace(page);
  });
});
