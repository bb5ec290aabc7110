// The in-place text editor follows a rotated shape: a note or a heading turned with the rotate
// handle, then opened for writing (Enter), shows its textarea turned the same way and scaled with
// the zoom, so the words typed sit on the shape drawn underneath.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localOrigin, type Shape } from '@carton/board';
import { REPO_ROOT } from '../support/server';
import { boardSuite, drag, newPhone, openBoard, shapes, toScreen, waitForShapes } from './fixtures';
import { connectSeedClient } from './seed';

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
  const suite = boardSuite({ territory: 'Kamouraska', participants: { a: 'Émilie' } });

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
