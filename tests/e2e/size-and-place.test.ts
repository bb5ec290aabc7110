// Resizing and moving the chosen shapes without a drag (WCAG 2.5.7 Dragging Movements): in
// Kamouraska, a participant makes the note « Logement abordable » bigger and smaller with the
// panel's « Agrandir » and « Réduire », grows the carton « Conditions présentes » over it until it
// takes the note in, and sets the note down elsewhere with « Déplacer » then a click. The other
// participant sees each change; one Ctrl+Z puts each back. On a phone the buttons fit the screen.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Shape } from '@carton/board';
import {
  addNote,
  boardSuite,
  drag,
  newPhone,
  openBoard,
  shapes,
  toScreen,
  waitForShapes,
} from './fixtures';
import { REPO_ROOT } from '../support/server';

const OUT = join(REPO_ROOT, 'test-results/screenshots');

/** « Agrandir » and « Réduire » scale by this about the centre (see keyboardEdit.ts). */
const SCALE_STEP = 1.25;

function shapeOf(page: Page, id: string): Promise<Shape> {
  return shapes(page).then((list) => {
    const shape = list.find((s) => s.id === id);
    if (!shape) throw new Error(`no shape ${id}`);
    return shape;
  });
}

function box(shape: Shape): { x: number; y: number; w: number; h: number } {
  if (!('w' in shape) || !('h' in shape)) throw new Error(`${shape.type} has no box`);
  return { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
}

/** Waits until shape `id` on `page` has about this box (to a tenth of a unit). */
function waitForBox(page: Page, id: string, b: { x: number; y: number; w: number; h: number }) {
  const near = (key: string, value: number) => `Math.abs(x.${key} - ${value}) < 0.1`;
  return waitForShapes(
    page,
    `(s) => s.some((x) => x.id === "${id}" && ${near('x', b.x)} && ${near('y', b.y)} && ${near('w', b.w)} && ${near('h', b.h)})`,
  );
}

/** `b` scaled by `factor` about its centre. */
function scaled(b: { x: number; y: number; w: number; h: number }, factor: number) {
  const w = b.w * factor;
  const h = b.h * factor;
  return { x: b.x + (b.w - w) / 2, y: b.y + (b.h - h) / 2, w, h };
}

function selection(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__carton!.selection());
}

describe('the chosen shapes resized and moved without a drag', () => {
  const suite = boardSuite({ territory: 'Kamouraska', participants: { a: 'Émilie', b: 'Marc' } });
  let cartonId = '';
  let noteId = '';

  it('« Agrandir » and « Réduire » scale the note about its centre; one undo puts it back', async () => {
    const { page } = suite.a;
    await page.locator('.canvas').focus();
    await page.keyboard.press('c');
    await drag(page, { x: 120, y: 200 }, { x: 480, y: 480 });
    const [carton] = (
      await waitForShapes(page, '(s) => s.some((x) => x.type === "carton")')
    ).filter((x) => x.type === 'carton');
    if (!carton) throw new Error('no carton');
    cartonId = carton.id;
    await page.keyboard.press('Escape');
    noteId = await addNote(page, 720, 340, 'Logement abordable');
    const start = box(await shapeOf(page, noteId));
    expect(await selection(page)).toEqual([noteId]);

    const grow = page.getByRole('button', { name: 'Agrandir', exact: true });
    const shrink = page.getByRole('button', { name: 'Réduire', exact: true });
    await grow.click();
    await grow.click();
    await shrink.click();
    const once = scaled(start, SCALE_STEP);
    await waitForBox(page, noteId, once);
    await waitForBox(suite.b.page, noteId, once);
    expect(await page.locator('[data-testid="announcer"]').innerText()).toMatch(/^Taille\u00a0: /);
    // The three presses are one undo step.
    await page.keyboard.press('Control+z');
    await waitForBox(page, noteId, start);
    await waitForBox(suite.b.page, noteId, start);
    expect((await shapeOf(page, noteId)).parentId).toBeNull();
  });

  it('the carton grown with « Agrandir » over the note takes it in; one undo gives it back', async () => {
    const { page } = suite.a;
    const carton = box(await shapeOf(page, cartonId));
    const note = box(await shapeOf(page, noteId));
    // Its title band: a click there chooses the carton.
    const corner = await toScreen(page, carton.x + 15, carton.y + 15);
    await page.mouse.click(corner.x, corner.y);
    expect(await selection(page)).toEqual([cartonId]);
    // Presses until the carton, growing about its centre, holds the whole note.
    const holds = (b: typeof carton) =>
      b.x <= note.x &&
      b.y <= note.y &&
      b.x + b.w >= note.x + note.w &&
      b.y + b.h >= note.y + note.h;
    let presses = 1;
    while (!holds(scaled(carton, SCALE_STEP ** presses))) presses++;
    const grow = page.getByRole('button', { name: 'Agrandir', exact: true });
    for (let i = 0; i < presses; i++) await grow.click();
    // The presses rest: the burst ends as a handle's resize does, the note joins the carton.
    const joined = `(s) => s.some((x) => x.id === "${noteId}" && x.parentId === "${cartonId}")`;
    await waitForShapes(page, joined);
    await waitForShapes(suite.b.page, joined);
    await waitForBox(suite.b.page, cartonId, scaled(carton, SCALE_STEP ** presses));
    await page.keyboard.press('Control+z');
    await waitForBox(page, cartonId, carton);
    await waitForShapes(
      suite.b.page,
      `(s) => s.some((x) => x.id === "${noteId}" && x.parentId === null)`,
    );
  });

  it('« Déplacer » then a click sets the note down centred there, in the carton; Escape cancels', async () => {
    const { page } = suite.a;
    const note = box(await shapeOf(page, noteId));
    const carton = box(await shapeOf(page, cartonId));
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    await page.mouse.click(centre.x, centre.y);
    expect(await selection(page)).toEqual([noteId]);

    // Escape first: nothing moves, back to Select.
    await page.getByRole('button', { name: 'Déplacer', exact: true }).click();
    const caption = page.locator('[data-testid="waiting-caption"]');
    expect(await caption.innerText()).toBe(
      'Cliquez à l’endroit où poser la sélection (Échap pour annuler)',
    );
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');
    expect(await caption.count()).toBe(0);

    await page.getByRole('button', { name: 'Déplacer', exact: true }).click();
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('move');
    const target = { x: carton.x + carton.w / 2, y: carton.y + carton.h / 2 + 20 };
    const there = await toScreen(page, target.x, target.y);
    await page.mouse.click(there.x, there.y);
    const moved = `(s) => s.some((x) => x.id === "${noteId}" && x.parentId === "${cartonId}" && Math.abs(x.x + x.w / 2 - ${target.x}) < 0.5 && Math.abs(x.y + x.h / 2 - ${target.y}) < 0.5)`;
    await waitForShapes(page, moved);
    await waitForShapes(suite.b.page, moved);
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');
    expect(await selection(page)).toEqual([noteId]);
    // One undo: back where it was, out of the carton.
    await page.keyboard.press('Control+z');
    await waitForShapes(
      suite.b.page,
      `(s) => s.some((x) => x.id === "${noteId}" && x.parentId === null && x.x === ${note.x} && x.y === ${note.y})`,
    );
  });

  it('on a small laptop (1024 wide) the panel wraps instead of running off the screen', async () => {
    const { page } = suite.a;
    const before = page.viewportSize()!;
    await page.setViewportSize({ width: 1024, height: 768 });
    try {
      const note = box(await shapeOf(page, noteId));
      const carton = box(await shapeOf(page, cartonId));
      // Two shapes chosen: « Relier » too, the widest the panel gets.
      await page.keyboard.press('Escape');
      const a = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
      const b = await toScreen(page, carton.x + 15, carton.y + 15);
      await page.mouse.click(a.x, a.y);
      await page.keyboard.down('Shift');
      await page.mouse.click(b.x, b.y);
      await page.keyboard.up('Shift');
      expect(await selection(page)).toEqual([noteId, cartonId]);
      const buttons = await page
        .locator('.style-panel button')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      expect(buttons.length).toBeGreaterThan(8);
      for (const r of buttons) {
        expect(r.left).toBeGreaterThanOrEqual(0);
        expect(r.right).toBeLessThanOrEqual(1024);
      }
      mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: join(OUT, 'size-and-place-1024.png') });
    } finally {
      await page.setViewportSize(before);
    }
  });

  it('on a phone: the buttons fit the screen, a tap after « Déplacer » moves the note', async () => {
    const { page, context } = await newPhone(suite.browser, 'Julie');
    await openBoard(page, suite.board.edit.url);
    const note = box(await shapeOf(page, noteId));
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    await page.touchscreen.tap(centre.x, centre.y);
    expect(await selection(page)).toEqual([noteId]);
    for (const name of ['Agrandir', 'Réduire', 'Déplacer']) {
      const b = await page.getByRole('button', { name, exact: true }).boundingBox();
      expect(b, name).not.toBeNull();
      expect(b!.x).toBeGreaterThanOrEqual(0);
      expect(b!.x + b!.width).toBeLessThanOrEqual(390);
      expect(b!.height).toBeGreaterThanOrEqual(44);
    }
    // For people to look at: the panel over the board, then the move's caption.
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, 'size-and-place-phone.png') });
    await page.getByRole('button', { name: 'Déplacer', exact: true }).tap();
    expect(await page.locator('[data-testid="waiting-caption"]').innerText()).toBe(
      'Touchez l’endroit où poser la sélection (glissez pour voir ailleurs)',
    );
    await page.screenshot({ path: join(OUT, 'size-and-place-phone-move.png') });
    // The chosen note is near the top: set it down a little lower on the screen.
    const there = { x: centre.x, y: centre.y + 60 };
    await page.touchscreen.tap(there.x, there.y);
    const world = await page.evaluate(
      ([x, y]) => {
        const c = window.__carton!.camera();
        return { x: (x! - c.x) / c.zoom, y: (y! - c.y) / c.zoom };
      },
      [there.x, there.y],
    );
    await waitForShapes(
      suite.a.page,
      `(s) => s.some((x) => x.id === "${noteId}" && Math.abs(x.y + x.h / 2 - ${world.y}) < 0.5)`,
    );
    await context.close();
  });
});
