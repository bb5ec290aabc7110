// The select tool's transform gestures in the real client, by pointer: turning a note by its
// rotate handle (Shift snaps to 15°), resizing several shapes at once as one undo step, and a
// carton that adopts the note it is stretched over. Screenshots of the rotated selection and
// the multi-resize land in test-results/screenshots/select-*.png. A heart on a dragged note goes
// with it, and an arrow started on the heart holds to the note.
// The in-place text editor follows a rotated shape: a note or a heading turned with the rotate
// handle, then opened for writing (Enter), shows its textarea turned the same way and scaled with
// the zoom, so the words typed sit on the shape drawn underneath.
// Émilie opens a blank board of its own for each (they were two files, each with its server, a
// browser and a context).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localOrigin, type Shape } from '@carton/board';
import { REPO_ROOT } from '../support/server';
import { drag, newPhone, openBoard, shapes, toScreen, waitForShapes } from './fixtures';
import { participantsOnFreshBoards } from './fresh-boards';
import { connectSeedClient } from './seed';

const { freshBoard } = participantsOnFreshBoards({ a: 'Émilie' });

const byId = (list: Shape[], id: string) => list.find((s) => s.id === id);
const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: join(REPO_ROOT, 'test-results/screenshots', name) });

/** Screen box of the union of these shapes' page bounds (what the handles surround). */
async function selectionScreenBox(page: Page, ids: string[]) {
  const list = (await shapes(page)).filter((s) => ids.includes(s.id));
  const boxes = list.map((s) => {
    const w = 'w' in s ? s.w : 0;
    const h = 'h' in s ? s.h : 0;
    return { x: s.x, y: s.y, w, h };
  });
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.w));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  const topLeft = await toScreen(page, x, y);
  const bottomRight = await toScreen(page, right, bottom);
  return { topLeft, bottomRight };
}

describe('select: rotate, resize many, cartons that adopt', () => {
  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, 'test-results/screenshots'), { recursive: true });
  });
  const suite = freshBoard('Kamouraska');

  it('the rotate handle turns a note about its centre; Shift lands on 15° steps', async () => {
    const page = suite.a.page;
    await page.keyboard.press('n');
    await page.mouse.click(300, 350);
    const [note] = await waitForShapes(page, '(s) => s.length === 1');
    if (note?.type !== 'note') throw new Error('expected a note');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    await page.mouse.click(centre.x, centre.y);
    const top = await toScreen(page, note.x + note.w / 2, note.y);
    // The rotate handle sits 26 px above the top edge's middle; drag it to the right of the centre.
    await drag(page, { x: top.x, y: top.y - 26 }, { x: centre.x + 150, y: centre.y });
    let [turned] = await waitForShapes(page, '(s) => s.length === 1 && s[0].rotation !== 0');
    expect(turned?.rotation).toBeCloseTo(Math.PI / 2, 1);
    // Turned about its centre: the model's origin moved, the centre did not.
    const c = await page.evaluate(() => {
      const s = window.__carton!.shapes()[0]!;
      const w = (s as { w: number }).w / 2;
      const h = (s as { h: number }).h / 2;
      return {
        x: s.x + w * Math.cos(s.rotation) - h * Math.sin(s.rotation),
        y: s.y + w * Math.sin(s.rotation) + h * Math.cos(s.rotation),
      };
    });
    expect(c.x).toBeCloseTo(note.x + 100, 0);
    expect(c.y).toBeCloseTo(note.y + 100, 0);

    // Shift: from a quarter turn, about 20° more lands on 105°. A square turned a quarter
    // turn about its centre has the same page bounds, so the handle is where it was.
    const handle = { x: top.x, y: top.y - 26 };
    const a20 = (20 * Math.PI) / 180;
    await page.keyboard.down('Shift');
    await drag(page, handle, {
      x: centre.x + 150 * Math.sin(a20),
      y: centre.y - 150 * Math.cos(a20),
    });
    await page.keyboard.up('Shift');
    [turned] = await waitForShapes(page, '(s) => Math.abs(s[0].rotation - Math.PI / 2) > 0.05');
    expect(((turned?.rotation ?? 0) * 180) / Math.PI).toBeCloseTo(105, 5);
    await screenshot(page, 'select-rotated.png');

    // A click just outside the turned note's corner (inside its page bounds) selects nothing.
    await page.keyboard.press('Escape');
    const corner = await toScreen(page, note.x + 4, note.y + 4);
    await page.mouse.click(corner.x, corner.y);
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([]);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await waitForShapes(page, '(s) => s[0].rotation === 0');
  });

  it('resizing a selection of several shapes scales them all, as one undo step', async () => {
    const page = suite.a.page;
    await page.keyboard.press('r');
    await drag(page, { x: 560, y: 260 }, { x: 700, y: 340 });
    await waitForShapes(page, '(s) => s.length === 2');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+a');
    const ids = await page.evaluate(() => window.__carton!.selection());
    expect(ids).toHaveLength(2);
    const before = await shapes(page);
    const box = await selectionScreenBox(page, ids);
    const width = box.bottomRight.x - box.topLeft.x;
    // The south-east handle, dragged until the box is half as wide again.
    await drag(page, box.bottomRight, { x: box.bottomRight.x + width / 2, y: box.bottomRight.y });
    const after = await waitForShapes(page, '(s) => s.some((x) => x.type === "rect" && x.w > 200)');
    const rectBefore = before.find((s) => s.type === 'rect');
    const rectAfter = after.find((s) => s.type === 'rect');
    const noteAfter = after.find((s) => s.type === 'note');
    if (rectBefore?.type !== 'rect' || rectAfter?.type !== 'rect' || noteAfter?.type !== 'note')
      throw new Error('expected a rect and a note');
    expect(rectAfter.w / rectBefore.w).toBeCloseTo(1.5, 1);
    expect(rectAfter.h).toBeCloseTo(rectBefore.h, 0);
    // The note keeps its aspect, and stays on the board's left (the anchor side).
    expect(noteAfter.w).toBe(noteAfter.h);
    expect(rectAfter.x).toBeGreaterThan(rectBefore.x);
    await screenshot(page, 'select-multi-resize.png');
    await page.keyboard.press('Control+z');
    const undone = await waitForShapes(
      page,
      `(s) => s.some((x) => x.type === "rect" && x.w === ${rectBefore.w})`,
    );
    expect(byId(undone, rectBefore.id)).toMatchObject({ x: rectBefore.x, y: rectBefore.y });
  });

  it('a carton stretched over a note adopts it, in the same undo step', async () => {
    const page = suite.a.page;
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await waitForShapes(page, '(s) => s.length === 0');
    await page.keyboard.press('n');
    await page.mouse.click(900, 350);
    await waitForShapes(page, '(s) => s.length === 1');
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await drag(page, { x: 200, y: 150 }, { x: 600, y: 600 });
    await page.locator('textarea.text-editor').waitFor();
    await page.keyboard.type('Conditions de succès');
    await page.keyboard.press('Enter');
    const list = await waitForShapes(page, '(s) => s.some((x) => x.type === "carton")');
    const carton = list.find((s) => s.type === 'carton');
    const note = list.find((s) => s.type === 'note');
    if (carton?.type !== 'carton' || !note) throw new Error('expected a carton and a note');
    expect(note.parentId).toBeNull();
    await page.keyboard.press('Escape');
    const title = await toScreen(page, carton.x + carton.w / 2, carton.y + 20);
    await page.mouse.click(title.x, title.y);
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([carton.id]);
    const corner = await toScreen(page, carton.x + carton.w, carton.y + carton.h);
    const past = await toScreen(page, note.x + 260, note.y + 260);
    await drag(page, corner, past);
    await waitForShapes(
      page,
      `(s) => s.some((x) => x.type === "note" && x.parentId === ${JSON.stringify(carton.id)})`,
    );
    await page.keyboard.press('Control+z');
    const undone = await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "note" && x.parentId === null)',
    );
    expect(byId(undone, carton.id)).toMatchObject({ w: carton.w, h: carton.h });
  });

  it('a heart put on a note goes with it when the note is dragged; an arrow from it holds to the note', async () => {
    const page = suite.a.page;
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await waitForShapes(page, '(s) => s.length === 0');
    await page.keyboard.press('n');
    await page.mouse.click(400, 350);
    const [note] = await waitForShapes(page, '(s) => s.length === 1');
    if (note?.type !== 'note') throw new Error('expected a note');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Tampons' }).click();
    await page.getByRole('button', { name: 'Cœur' }).click();
    const onNote = await toScreen(page, note.x + 40, note.y + 40);
    await page.mouse.click(onNote.x, onNote.y);
    const heart = (await waitForShapes(page, '(s) => s.length === 2')).find(
      (s) => s.type === 'stamp',
    );
    if (!heart) throw new Error('expected a heart');
    await page.keyboard.press('v');
    const grip = await toScreen(page, note.x + 150, note.y + 150);
    await drag(page, grip, { x: grip.x + 240, y: grip.y + 80 });
    const after = await waitForShapes(
      page,
      `(s) => s.some((x) => x.type === 'note' && x.x !== ${note.x})`,
    );
    const [movedNote, movedHeart] = [byId(after, note.id)!, byId(after, heart.id)!];
    expect(movedNote.x - note.x).toBeGreaterThan(50);
    expect(movedHeart.x - heart.x).toBeCloseTo(movedNote.x - note.x, 6);
    expect(movedHeart.y - heart.y).toBeCloseTo(movedNote.y - note.y, 6);
    expect(movedHeart.index > movedNote.index).toBe(true);
    // One undo step puts both back.
    await page.keyboard.press('Control+z');
    const undone = await waitForShapes(
      page,
      `(s) => s.some((x) => x.type === 'note' && x.x === ${note.x})`,
    );
    expect(byId(undone, heart.id)).toMatchObject({ x: heart.x, y: heart.y });
    // An arrow started on the heart binds to its note.
    await page.keyboard.press('a');
    await drag(page, onNote, { x: onNote.x + 400, y: onNote.y + 200 });
    const [arrow] = (await waitForShapes(page, '(s) => s.some((x) => x.type === "arrow")')).filter(
      (s) => s.type === 'arrow',
    );
    expect(arrow?.type === 'arrow' && arrow.startBinding?.shapeId).toBe(note.id);
  });

  it('a turned ellipse is drawn, outlined and hit where the model puts it', async () => {
    const page = suite.a.page;
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await waitForShapes(page, '(s) => s.length === 0');
    await page.keyboard.press('o');
    await drag(page, { x: 300, y: 250 }, { x: 700, y: 450 });
    const [ellipse] = await waitForShapes(page, '(s) => s.length === 1');
    if (ellipse?.type !== 'ellipse') throw new Error('expected an ellipse');
    await page.keyboard.press('Escape');
    const centre = await toScreen(page, ellipse.x + ellipse.w / 2, ellipse.y + ellipse.h / 2);
    await page.mouse.click(centre.x, centre.y);
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([ellipse.id]);
    const top = await toScreen(page, ellipse.x + ellipse.w / 2, ellipse.y);
    // Shift: a 30° turn (the pointer swept about 35° clockwise).
    const sweep = (35 * Math.PI) / 180;
    const r = centre.y - top.y + 26;
    await page.keyboard.down('Shift');
    await drag(
      page,
      { x: top.x, y: top.y - 26 },
      { x: centre.x + r * Math.sin(sweep), y: centre.y - r * Math.cos(sweep) },
    );
    await page.keyboard.up('Shift');
    const [turned] = await waitForShapes(page, '(s) => s[0].rotation !== 0');
    expect(((turned?.rotation ?? 0) * 180) / Math.PI).toBeCloseTo(30, 5);
    await screenshot(page, 'select-rotated-ellipse.png');
    // The far end of the long axis, turned 30° about the centre: on the ellipse.
    await page.keyboard.press('Escape');
    const t = (30 * Math.PI) / 180;
    const end = {
      x: centre.x + (ellipse.w / 2 - 20) * Math.cos(t),
      y: centre.y + (ellipse.w / 2 - 20) * Math.sin(t),
    };
    await page.mouse.click(end.x, end.y);
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([ellipse.id]);
    // Where the unturned ellipse's end was is now outside it.
    await page.keyboard.press('Escape');
    const old = await toScreen(page, ellipse.x + ellipse.w - 20, ellipse.y + ellipse.h / 2 - 60);
    await page.mouse.click(old.x, old.y);
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([]);
  });
});

/** Screen point (page CSS pixels) of a point of the shape's own, unrotated frame. */
async function screenOf(page: Page, shape: Shape, u: number, v: number) {
  const c = Math.cos(shape.rotation);
  const s = Math.sin(shape.rotation);
  const p = await toScreen(page, shape.x + u * c - v * s, shape.y + u * s + v * c);
  const canvas = await page.locator('.canvas').boundingBox();
  return { x: p.x + (canvas?.x ?? 0), y: p.y + (canvas?.y ?? 0) };
}

/** Rotates the one selected shape with the rotate handle (above the selection box's middle). */
async function rotateSelected(page: Page, id: string): Promise<Shape> {
  const before = (await shapes(page)).find((s) => s.id === id);
  if (!before || !('w' in before) || !('h' in before)) throw new Error('expected a box shape');
  const corners = await Promise.all(
    [
      [0, 0],
      [before.w, 0],
      [0, before.h],
      [before.w, before.h],
    ].map(([u, v]) => screenOf(page, before, u ?? 0, v ?? 0)),
  );
  const top = Math.min(...corners.map((p) => p.y));
  const mid = (Math.min(...corners.map((p) => p.x)) + Math.max(...corners.map((p) => p.x))) / 2;
  await drag(page, { x: mid, y: top - 26 }, { x: mid + 160, y: top + 40 });
  const [after] = (
    await waitForShapes(page, `(s) => s.some((x) => x.id === "${id}" && x.rotation > 0.3)`)
  ).filter((s) => s.id === id);
  if (!after) throw new Error('rotated shape missing');
  return after;
}

/** The textarea's four corners on screen, as the browser lays it out (transform included). */
function editorCorners(page: Page) {
  return page.evaluate(() => {
    const area = document.querySelector<HTMLTextAreaElement>('textarea.text-editor');
    if (!area) return null;
    const m = new DOMMatrix(
      getComputedStyle(area).transform === 'none' ? undefined : getComputedStyle(area).transform,
    );
    const [ox, oy] = getComputedStyle(area).transformOrigin.split(' ').map(parseFloat);
    const parent = area.offsetParent?.getBoundingClientRect() ?? { x: 0, y: 0 };
    const w = area.offsetWidth;
    const h = area.offsetHeight;
    return [
      [0, 0],
      [w, 0],
      [0, h],
      [w, h],
    ].map(([u, v]) => {
      const p = m.transformPoint(new DOMPoint((u ?? 0) - (ox ?? 0), (v ?? 0) - (oy ?? 0)));
      return {
        x: parent.x + area.offsetLeft + (ox ?? 0) + p.x,
        y: parent.y + area.offsetTop + (oy ?? 0) + p.y,
      };
    });
  });
}

describe('the text editor over a rotated shape', () => {
  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, 'test-results/screenshots'), { recursive: true });
  });
  const suite = freshBoard('Kamouraska');

  it('a rotated note, zoomed in: the textarea is turned and scaled onto the note', async () => {
    const page = suite.a.page;
    await page.getByRole('button', { name: 'Zoom avant' }).click();
    await page.keyboard.press('n');
    await page.mouse.click(560, 420);
    const [placed] = await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    if (!placed) throw new Error('no note');
    const note = await rotateSelected(page, placed.id);
    if (note.type !== 'note') throw new Error('expected a note');

    await page.keyboard.press('Enter');
    await page.locator('textarea.text-editor-note').waitFor();
    const corners = await editorCorners(page);
    const zoom = (await page.evaluate(() => window.__carton!.camera())).zoom;
    expect(zoom).toBeGreaterThan(1.2);
    const expected = [
      await screenOf(page, note, 0, 0),
      await screenOf(page, note, note.w, 0),
      await screenOf(page, note, 0, note.h),
      await screenOf(page, note, note.w, note.h),
    ];
    expected.forEach((p, i) => {
      expect(corners?.[i]?.x).toBeCloseTo(p.x, 0);
      expect(corners?.[i]?.y).toBeCloseTo(p.y, 0);
    });
    // A point inside the turned note but outside where an unturned overlay would lie hits the
    // textarea: the browser really lays it out turned.
    const inside = await screenOf(page, note, 12, 12);
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.tagName ?? null,
      [inside.x, inside.y],
    );
    expect(hit).toBe('TEXTAREA');

    await page.keyboard.type('Mobilité : « autobus le dimanche »');
    await page.screenshot({
      path: join(REPO_ROOT, 'test-results/screenshots/editor-rotated-note.png'),
    });
    await page.keyboard.press('Escape');
    await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "note" && x.text.includes("autobus"))',
    );
  });

  it('a rotated heading: the textarea turns with the text shape', async () => {
    const page = suite.a.page;
    await page.keyboard.press('t');
    await page.mouse.click(200, 180);
    await page.locator('textarea.text-editor-text').waitFor();
    await page.keyboard.type('Conditions présentes');
    await page.keyboard.press('Escape');
    const [text] = (
      await waitForShapes(page, '(s) => s.some((x) => x.type === "text" && x.text.length > 0)')
    ).filter((s) => s.type === 'text');
    if (text?.type !== 'text') throw new Error('expected a text shape');
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([text.id]);
    const turned = await rotateSelected(page, text.id);
    if (turned.type !== 'text') throw new Error('expected a text shape');
    // Another participant makes the heading red: the editor writes in red's text shade from the
    // first letter, as the canvas draws it (it showed black until it closed).
    const seed = await connectSeedClient(
      suite.server.syncUrl,
      suite.board.id,
      suite.board.edit.token,
    );
    seed.board.run((tx) => tx.update(text.id, { color: 'red' }), localOrigin('user:seed'));
    await waitForShapes(page, `(s) => s.some((x) => x.id === "${text.id}" && x.color === "red")`);
    seed.close();

    await page.keyboard.press('Enter');
    await page.locator('textarea.text-editor-text').waitFor();
    const colour = await page
      .locator('textarea.text-editor-text')
      .evaluate((area) => getComputedStyle(area).color);
    expect(colour).toBe('rgb(165, 28, 28)'); // TEXT_INK.red, #a51c1c
    const corners = await editorCorners(page);
    const topLeft = await screenOf(page, turned, 0, 0);
    const topRight = await screenOf(page, turned, turned.w, 0);
    expect(corners?.[0]?.x).toBeCloseTo(topLeft.x, 0);
    expect(corners?.[0]?.y).toBeCloseTo(topLeft.y, 0);
    expect(corners?.[1]?.x).toBeCloseTo(topRight.x, 0);
    expect(corners?.[1]?.y).toBeCloseTo(topRight.y, 0);
    await page.keyboard.press('Escape');
  });

  it('on a phone, a heading typed under the people panel shows above the panel', async () => {
    const { context, page } = await newPhone(suite.browser, 'Pierre');
    await openBoard(page, suite.board.edit.url);
    const people = await page.locator('.people').boundingBox();
    if (!people) throw new Error('no people panel');
    await page.locator('[data-tool="text"]').tap();
    // Left of the panel: the heading's box runs on under it.
    await page.touchscreen.tap(30, people.y + people.height / 2);
    await page.locator('textarea.text-editor-text').waitFor();
    await page.keyboard.type('Nos incontournables');
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.tagName ?? null,
      [people.x + people.width / 2, people.y + people.height / 2],
    );
    expect(hit).toBe('TEXTAREA');
    await context.close();
  });
});
