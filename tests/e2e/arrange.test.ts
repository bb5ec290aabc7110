// « Aligner » in the chosen shapes' panel (M34). In Les Basques, a participant has three notes
// of the forum's « incontournables » scattered on the board: she chooses them, aligns them on
// the left from the menu, the other participant sees them move, the live region says so, and
// one Ctrl+Z puts all three back. From the keyboard alone she opens the menu, spreads them
// with equal gaps, and Escape closes it. A note aligned into a carton joins it, as a drag does.
// On a phone the menu opens above the panel, which keeps its height, its targets finger-sized.
// A note locked among the chosen (by a peer, here) stays put and is no anchor; « Aligner » is
// still offered beside « Déverrouiller », and the live region says one stayed.
// Resizing and moving the chosen shapes without a drag (WCAG 2.5.7 Dragging Movements): in
// Kamouraska, a participant makes the note « Logement abordable » bigger and smaller with the
// panel's « Agrandir » and « Réduire », grows the carton « Conditions présentes » over it until it
// takes the note in, and sets the note down elsewhere with « Déplacer » then a click. The other
// participant sees each change; one Ctrl+Z puts each back. On a phone the buttons fit the screen.// Émilie and Marc open a blank board of its own for each (they were two files, each with its
// server, a browser and two contexts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localOrigin, type Shape } from '@carton/board';
import { REPO_ROOT } from '../support/server';
import { addNote, drag, newPhone, openBoard, shapes, toScreen, waitForShapes } from './fixtures';
import { participantsOnFreshBoards } from './fresh-boards';
import { connectSeedClient } from './seed';

const { freshBoard } = participantsOnFreshBoards({ a: 'Émilie', b: 'Marc' });

const INCONTOURNABLES = ['Participation Citoyenne', 'Accompagnement', 'Bon leadership'];

function announced(page: Page): Promise<string> {
  return page.locator('[data-testid="announcer"]').innerText();
}

function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
  });
}

const lefts = (list: Shape[], ids: readonly string[]) =>
  ids.map((id) => list.find((s) => s.id === id)!.x);

/** Shift+click on each shape: the selection of several, as a mouse makes it. */
async function choose(page: Page, ids: readonly string[]): Promise<void> {
  await page.keyboard.press('Escape');
  const list = await shapes(page);
  for (const [i, id] of ids.entries()) {
    const s = list.find((x) => x.id === id);
    if (s?.type !== 'note') throw new Error('not a note');
    const c = await toScreen(page, s.x + s.w / 2, s.y + s.h / 2);
    if (i > 0) await page.keyboard.down('Shift');
    await page.mouse.click(c.x, c.y);
    if (i > 0) await page.keyboard.up('Shift');
  }
  expect(await page.evaluate(() => window.__carton!.selection())).toEqual(ids);
}

describe('aligning and distributing the chosen notes', () => {
  const suite = freshBoard('Les Basques');
  let ids: string[] = [];
  let start: Shape[] = [];

  it('« Aligner à gauche » lines them up, the other sees it, one Ctrl+Z undoes it', async () => {
    const { page } = suite.a;
    ids = [
      await addNote(page, 250, 180, INCONTOURNABLES[0]!),
      await addNote(page, 720, 300, INCONTOURNABLES[1]!),
      await addNote(page, 470, 520, INCONTOURNABLES[2]!),
    ];
    start = await shapes(page);
    const xs = lefts(start, ids);
    expect(new Set(xs).size).toBe(3);

    // One note chosen: « Aligner » is there but says why it does nothing.
    await choose(page, ids.slice(0, 1));
    const toggle = page.locator('.style-panel [data-arrange-toggle]');
    expect(await toggle.getAttribute('aria-disabled')).toBe('true');
    expect(await toggle.getAttribute('title')).toBe(
      'Choisissez au moins deux formes pour les aligner',
    );

    await choose(page, ids);
    expect(await toggle.getAttribute('aria-disabled')).toBeNull();
    await page.getByRole('button', { name: 'Aligner', exact: true }).click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'Aligner à gauche' }).click();
    const min = Math.min(...xs);
    const aligned = `(s) => ${JSON.stringify(ids)}.every((id) => s.find((x) => x.id === id)?.x === ${min})`;
    await waitForShapes(page, aligned);
    await waitForShapes(suite.b.page, aligned);
    // Only x changed: each note kept its height on the board.
    const after = await shapes(page);
    for (const id of ids)
      expect(after.find((s) => s.id === id)!.y).toBe(start.find((s) => s.id === id)!.y);
    expect(await announced(page)).toBe('3 papillons alignés à gauche');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    await page.keyboard.press('Control+z');
    const back = `(s) => ${JSON.stringify(ids.map((id, i) => [id, xs[i]]))}.every(([id, x]) => s.find((n) => n.id === id)?.x === x)`;
    await waitForShapes(page, back);
    await waitForShapes(suite.b.page, back);
    // One step: the notes themselves are still there to undo, not another part of the move.
    expect(lefts(await shapes(page), ids)).toEqual(xs);
    expect((await shapes(page)).length).toBe(3);
  });

  it('from the keyboard: Tab reaches the menu, « Répartir horizontalement » spreads them', async () => {
    const { page } = suite.a;
    const toggle = page.locator('.style-panel [data-arrange-toggle]');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('.arrange-item'));
    expect(await focusedName(page)).toBe('Aligner à gauche');
    // Escape closes the menu and gives the focus back to « Aligner ».
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(
      await page.evaluate(() => document.activeElement?.hasAttribute('data-arrange-toggle')),
    ).toBe(true);
    expect(await page.evaluate(() => window.__carton!.selection())).toHaveLength(3);

    // Tab past its last item (« Ranger en grille ») leaves the menu, which closes.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('.arrange-item'));
    for (let i = 0; i < 9; i++) await page.keyboard.press('Tab');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.matches('.arrange-item'));
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Répartir horizontalement');
    await page.keyboard.press('Enter');
    const spread = await waitForShapes(
      page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(ids[2])} && x.x !== ${start.find((s) => s.id === ids[2])!.x})`,
    );
    const boxes = ids
      .map((id) => spread.find((s) => s.id === id)!)
      .flatMap((s) => (s.type === 'note' ? [{ x: s.x, w: s.w }] : []))
      .sort((p, q) => p.x - q.x);
    const gaps = boxes.slice(1).map((b, i) => b.x - (boxes[i]!.x + boxes[i]!.w));
    expect(gaps[0]).toBeCloseTo(gaps[1]!, 6);
    // The outermost stay where they were.
    expect(boxes[0]!.x).toBe(Math.min(...lefts(start, ids)));
    expect(boxes[2]!.x).toBe(Math.max(...lefts(start, ids)));
    expect(await announced(page)).toBe('3 papillons répartis horizontalement');
    expect(
      await page.evaluate(() => document.activeElement?.hasAttribute('data-arrange-toggle')),
    ).toBe(true);
  });

  it('a note aligned into a carton joins it; Ctrl+Z takes it out again', async () => {
    const { page } = suite.a;
    const client = await connectSeedClient(
      suite.server.syncUrl,
      suite.board.id,
      suite.board.edit.token,
    );
    const [carton, inside, outside] = client.board.run((tx) => {
      const c = tx.create('carton', { x: 1000, y: 0, w: 900, h: 500, title: 'Les Basques' });
      return [
        c,
        tx.create('note', { x: 1050, y: 100, text: 'Processus légers et clairs', parentId: c }),
        tx.create('note', { x: 2100, y: 200, text: 'Financement systémique' }),
      ];
    }, localOrigin('user:seed')) as [string, string, string];
    client.close();
    await waitForShapes(page, `(s) => s.some((x) => x.id === ${JSON.stringify(outside)})`);
    // Shift+1: the whole board in view, the carton beside the notes too.
    await page.locator('.canvas').focus();
    await page.keyboard.press('Shift+Digit1');
    await choose(page, [inside, outside]);
    await page.getByRole('button', { name: 'Aligner', exact: true }).click();
    await page.getByRole('button', { name: 'Aligner à gauche' }).click();
    await waitForShapes(
      page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(outside)} && x.x === 1050 && x.parentId === ${JSON.stringify(carton)})`,
    );
    await page.keyboard.press('Control+z');
    await waitForShapes(
      page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(outside)} && x.x === 2100 && x.parentId === null)`,
    );
  });

  it('on a phone the menu opens above the panel, which keeps its rows', async () => {
    const { context, page } = await newPhone(suite.browser, 'Pierre');
    await openBoard(page, suite.board.edit.url);
    await page.getByRole('button', { name: 'Tout afficher', exact: true }).tap();
    // One note chosen with a finger: the panel's three rows, « Aligner » among them.
    const list = await shapes(page);
    const note = list.find((s) => s.id === ids[0]);
    if (note?.type !== 'note') throw new Error('no note');
    const c = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    await page.touchscreen.tap(c.x, c.y);
    await page.locator('.style-panel [data-arrange-toggle]').waitFor();
    const rows = () =>
      page
        .locator('.style-panel > .swatches button')
        .evaluateAll(
          (els) =>
            new Set(
              els
                .filter((e) => e.getBoundingClientRect().height > 0)
                .map((e) => Math.round(e.getBoundingClientRect().top)),
            ).size,
        );
    expect(await rows()).toBe(3);
    // Ctrl+A is a keyboard's: every shape chosen through the test's keyboard.
    await page.locator('.canvas').focus();
    await page.keyboard.press('Control+a');
    const panelBefore = await page.locator('.style-panel').boundingBox();
    await page.locator('.style-panel [data-arrange-toggle]').tap();
    const menu = page.locator('.arrange-menu');
    await menu.waitFor();
    const panelAfter = await page.locator('.style-panel').boundingBox();
    expect(panelAfter?.height).toBe(panelBefore?.height);
    const menuBox = await menu.boundingBox();
    if (!menuBox || !panelAfter) throw new Error('not laid out');
    expect(menuBox.y + menuBox.height).toBeLessThanOrEqual(panelAfter.y);
    expect(menuBox.x).toBeGreaterThanOrEqual(0);
    expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(390);
    const items = await menu
      .locator('button')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(items).toHaveLength(9);
    for (const r of items) {
      expect(r.height).toBeGreaterThanOrEqual(44);
      expect(r.width).toBeGreaterThanOrEqual(44);
    }
    await context.close();
  });

  it('a note locked among the chosen stays put; the two others align, « Déverrouiller » stays', async () => {
    const { page } = suite.a;
    await choose(page, ids);
    // A peer locks the top note while it is chosen: the panel follows the document.
    const client = await connectSeedClient(
      suite.server.syncUrl,
      suite.board.id,
      suite.board.edit.token,
    );
    client.board.run((tx) => tx.lock([ids[0]!], true), localOrigin('user:seed'));
    client.close();
    const unlock = page.locator('.style-panel [data-lock="unlock"]');
    await unlock.waitFor();
    const toggle = page.locator('.style-panel [data-arrange-toggle]');
    expect(await toggle.getAttribute('aria-disabled')).toBeNull();
    const before = await shapes(page);
    const y = (list: Shape[], id: string) => list.find((s) => s.id === id)!.y;
    const top = Math.min(y(before, ids[1]!), y(before, ids[2]!));
    // The locked note is the highest: as an anchor it would pull the others up to it.
    expect(y(before, ids[0]!)).toBeLessThan(top);
    await toggle.click();
    await page.getByRole('button', { name: 'Aligner en haut' }).click();
    const after = await waitForShapes(
      page,
      `(s) => ${JSON.stringify(ids.slice(1))}.every((id) => s.find((x) => x.id === id)?.y === ${top})`,
    );
    expect(y(after, ids[0]!)).toBe(y(before, ids[0]!));
    expect(await announced(page)).toBe(
      '2 papillons alignés en haut. 1 forme verrouillée reste en place.',
    );
    expect(await unlock.count()).toBe(1);
  });
});

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
  const suite = freshBoard('Kamouraska');
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
