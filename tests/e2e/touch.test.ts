// Two fingers: pinch zooms about their midpoint and dragging both pans; once a stylus has been
// used, a finger pans instead of drawing and a palm resting under its stroke does nothing, until
// the stylus has been left unused a while (the tablet handed on) and fingers draw again; a pinch begun with a finger on a note leaves the
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

    // A finger (or a palm) touching and sliding: nothing is drawn, the board moves with it
    // (it did nothing at all: a finger could not even pan until the page was reloaded).
    const before = await camera(suite.tablet.page);
    await touch(cdp, 'touchStart', [{ x: 600, y: 500, id: 9 }]);
    for (let i = 1; i <= 8; i++)
      await touch(cdp, 'touchMove', [{ x: 600 + i * 15, y: 500 + i * 5, id: 9 }]);
    await touch(cdp, 'touchEnd', []);
    const panned = await camera(suite.tablet.page);
    expect(panned.x - before.x).toBeCloseTo(120, 0);
    expect(panned.y - before.y).toBeCloseTo(40, 0);
    // A palm resting while the stylus draws: the stroke is the stylus's, the board stays.
    await pen('mousePressed', 300, 600, 0.5);
    await touch(cdp, 'touchStart', [{ x: 700, y: 650, id: 10 }]);
    await pen('mouseMoved', 350, 610, 0.5);
    await touch(cdp, 'touchMove', [{ x: 730, y: 660, id: 10 }]);
    await pen('mouseMoved', 400, 620, 0.5);
    await touch(cdp, 'touchEnd', []);
    await pen('mouseReleased', 450, 600, 0.5);
    await suite.tablet.page.waitForFunction(
      () => window.__carton!.shapes().filter((s) => s.type === 'stroke').length >= 2,
    );
    expect((await shapes(suite.tablet.page)).filter((s) => s.type === 'stroke')).toHaveLength(2);
    expect(await camera(suite.tablet.page)).toEqual(panned);

    // The tablet handed on, the stylus left unused (touches dated 30 s later): a finger draws.
    const later = Date.now() / 1000 + 30;
    const at = (x: number, y: number) => ({ x, y, id: 11, radiusX: 4, radiusY: 4, force: 1 });
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchStart',
      touchPoints: [at(300, 450)],
      timestamp: later,
    });
    for (let i = 1; i <= 6; i++)
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [at(300 + i * 20, 450 + (i % 2) * 20)],
        timestamp: later + i * 0.02,
      });
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchEnd',
      touchPoints: [],
      timestamp: later + 0.2,
    });
    await suite.tablet.page.waitForFunction(
      () => window.__carton!.shapes().filter((s) => s.type === 'stroke').length >= 3,
    );
    expect(await camera(suite.tablet.page)).toEqual(panned);
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
