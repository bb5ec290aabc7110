// Two fingers: pinch zooms about their midpoint and dragging both pans; a resting palm does
// not draw once a stylus has been used; a pinch begun with a finger on a note leaves the
// selection as it was (the note was chosen, and its panel came up over the zoomed board). Multi-touch goes through the DevTools protocol.
import { beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { addNote, boardSuite, shapes, toScreen } from './fixtures';

type TouchPoint = { x: number; y: number; id: number };

async function touch(
  cdp: CDPSession,
  type: 'touchStart' | 'touchMove' | 'touchEnd',
  points: TouchPoint[],
) {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map((p) => ({
      x: p.x,
      y: p.y,
      id: p.id,
      radiusX: 4,
      radiusY: 4,
      force: 1,
    })),
  });
}

const camera = (page: Page) => page.evaluate(() => window.__carton!.camera());

describe('touch', () => {
  const suite = boardSuite({
    territory: 'Témiscouata',
    participants: {
      tablet: { name: 'Hélène', viewport: { width: 1024, height: 768 }, hasTouch: true },
    },
  });
  let cdp: CDPSession;

  beforeAll(async () => {
    cdp = await suite.tablet.context.newCDPSession(suite.tablet.page);
  });

  it('pinch zooms in about the fingers, and two fingers pan', async () => {
    const before = await camera(suite.tablet.page);
    await touch(cdp, 'touchStart', [
      { x: 450, y: 400, id: 1 },
      { x: 550, y: 400, id: 2 },
    ]);
    for (let i = 1; i <= 10; i++) {
      await touch(cdp, 'touchMove', [
        { x: 450 - i * 5, y: 400, id: 1 },
        { x: 550 + i * 5, y: 400, id: 2 },
      ]);
    }
    await touch(cdp, 'touchEnd', []);
    const zoomed = await camera(suite.tablet.page);
    expect(zoomed.zoom / before.zoom).toBeCloseTo(2, 1);

    await touch(cdp, 'touchStart', [
      { x: 400, y: 400, id: 3 },
      { x: 500, y: 400, id: 4 },
    ]);
    for (let i = 1; i <= 10; i++) {
      await touch(cdp, 'touchMove', [
        { x: 400, y: 400 + i * 10, id: 3 },
        { x: 500, y: 400 + i * 10, id: 4 },
      ]);
    }
    await touch(cdp, 'touchEnd', []);
    const panned = await camera(suite.tablet.page);
    expect(panned.zoom).toBeCloseTo(zoomed.zoom, 5);
    expect(panned.y - zoomed.y).toBeCloseTo(100, 0);
    // Navigation wrote nothing to the board.
    expect(await shapes(suite.tablet.page)).toEqual([]);
  });

  it('a stylus draws with its pressure; afterwards a resting palm does not draw', async () => {
    await suite.tablet.page.keyboard.press('p');
    const pen = async (
      type: 'mousePressed' | 'mouseMoved' | 'mouseReleased',
      x: number,
      y: number,
      force: number,
    ) =>
      cdp.send('Input.dispatchMouseEvent', {
        type,
        x,
        y,
        button: 'left',
        buttons: type === 'mouseReleased' ? 0 : 1,
        clickCount: 1,
        pointerType: 'pen',
        force,
      });
    await pen('mousePressed', 300, 300, 0.2);
    for (let i = 1; i <= 12; i++)
      await pen('mouseMoved', 300 + i * 20, 300 + (i % 2) * 30, 0.2 + i * 0.05);
    await pen('mouseReleased', 540, 300, 0.8);
    await suite.tablet.page.waitForFunction(() =>
      window.__carton!.shapes().some((s) => s.type === 'stroke'),
    );
    const [stroke] = await shapes(suite.tablet.page);
    expect(stroke?.type).toBe('stroke');
    if (stroke?.type !== 'stroke') return;
    const pressures = stroke.points.filter((_, i) => i % 3 === 2);
    expect(new Set(pressures).size).toBeGreaterThan(2);

    // A palm touching and sliding: nothing is drawn.
    await touch(cdp, 'touchStart', [{ x: 600, y: 500, id: 9 }]);
    for (let i = 1; i <= 8; i++)
      await touch(cdp, 'touchMove', [{ x: 600 + i * 15, y: 500 + i * 5, id: 9 }]);
    await touch(cdp, 'touchEnd', []);
    // The stylus draws again: its stroke arrives, and still no palm stroke before it.
    await pen('mousePressed', 300, 600, 0.5);
    await pen('mouseMoved', 400, 620, 0.5);
    await pen('mouseReleased', 450, 600, 0.5);
    await suite.tablet.page.waitForFunction(
      () => window.__carton!.shapes().filter((s) => s.type === 'stroke').length >= 2,
    );
    expect((await shapes(suite.tablet.page)).filter((s) => s.type === 'stroke')).toHaveLength(2);
  });

  it('a pinch begun with a finger on a note chooses nothing and moves nothing', async () => {
    const { page } = suite.tablet;
    const id = await addNote(page, 700, 250, 'Loyers');
    await page.keyboard.press('v');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__carton!.selection().length === 0);
    const note = (await shapes(page)).find((s) => s.id === id);
    if (note?.type !== 'note') throw new Error('no note');
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    const before = await camera(page);
    // The first finger lands on the note, the second beside it, and they spread apart.
    const first = { x: Math.round(centre.x), y: Math.round(centre.y), id: 11 };
    await touch(cdp, 'touchStart', [first]);
    await touch(cdp, 'touchStart', [first, { x: first.x + 120, y: first.y, id: 12 }]);
    for (let i = 1; i <= 10; i++) {
      await touch(cdp, 'touchMove', [
        { x: first.x - i * 6, y: first.y, id: 11 },
        { x: first.x + 120 + i * 6, y: first.y, id: 12 },
      ]);
    }
    await touch(cdp, 'touchEnd', []);
    expect((await camera(page)).zoom).toBeGreaterThan(before.zoom * 1.5);
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([]);
    const after = (await shapes(page)).find((s) => s.id === id)!;
    expect({ x: after.x, y: after.y }).toEqual({ x: note.x, y: note.y });
  });
});
