// A phone held sideways (844 × 390): the header, the chosen note's colours and actions and the
// toolbar once left 80 px of board, and the note being changed sat under its own panel. The
// header holds one row there, the panel one row (scrolling sideways), and a note chosen with a
// finger shows (most of it) between them.
import { describe, expect, it } from 'vitest';
import { boardSuite, toScreen, waitForShapes } from './fixtures';

type Box = { x: number; y: number; width: number; height: number };

describe('a phone held sideways', () => {
  const suite = boardSuite({
    territory: 'La Mitis',
    participants: {
      phone: {
        name: 'Mélanie',
        viewport: { width: 844, height: 390 },
        hasTouch: true,
        isMobile: true,
      },
    },
  });

  it('shows most of the chosen note between the header and its panel', async () => {
    const { page } = suite.phone;
    await page.locator('[data-tool="note"]').tap();
    await page.touchscreen.tap(420, 200);
    const note = (await waitForShapes(page, '(s) => s.some((x) => x.type === "note")')).find(
      (s) => s.type === 'note',
    );
    // Placed, a phone's note may open for writing: leave it, let go, then choose it by a tap.
    if (await page.locator('textarea.text-editor').count()) await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__carton!.selection().length === 0);
    const centre = await toScreen(page, note!.x + note!.w / 2, note!.y + note!.h / 2);
    await page.touchscreen.tap(centre.x, centre.y);
    await page.waitForFunction(() => window.__carton!.selection().length === 1);
    await page.locator('.style-panel').waitFor();

    // The header in one row of finger-sized controls (two rows were 100 px of 390).
    const header = (await page
      .locator('.editor-header')
      .evaluate((el) => el.getBoundingClientRect().toJSON())) as Box;
    expect(header.height).toBeLessThan(60);
    // The people list as its pill, not a 240 × 120 px panel over the board's right side.
    const people = (await page
      .locator('.people')
      .evaluate((el) => el.getBoundingClientRect().toJSON())) as Box;
    expect(people.width).toBeLessThan(100);
    expect(people.height).toBeLessThan(60);
    const panel = (await page
      .locator('.style-panel')
      .evaluate((el) => el.getBoundingClientRect().toJSON())) as Box;
    expect(panel.height).toBeLessThan(70);

    // Once the view has made room for its handles, the note shows below the header and at
    // least 70 % of it above the panel (the band between them was 80 px: a tenth of the note).
    await page.waitForFunction(
      ([id, bottom]) => {
        const n = window.__carton!.shapes().find((s) => s.id === id) as {
          x: number;
          y: number;
          h: number;
        };
        const top = window.__carton!.worldToScreen(n.x, n.y).y;
        const end = window.__carton!.worldToScreen(n.x, n.y + n.h).y;
        return (Math.min(end, bottom) - top) / (end - top) >= 0.7;
      },
      [note!.id, panel.y] as const,
      { timeout: 5_000 },
    );
    const top = await toScreen(page, note!.x, note!.y);
    expect(top.y).toBeGreaterThanOrEqual(header.y + header.height);
  });

  it('turned sideways, a note chosen upright comes out from under its panel', async () => {
    const { page } = suite.phone;
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 390, height: 844 });
    const note = (await page.evaluate(() => window.__carton!.shapes())).find(
      (s) => s.type === 'note',
    )!;
    // Upright, the note low on the screen (a finger moved the board with « Main »), then
    // chosen by a tap.
    await page.locator('[data-tool="hand"]').tap();
    const top = await toScreen(page, note.x, note.y);
    const cdp = await suite.phone.context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x: 200, y, id: 1, radiusX: 4, radiusY: 4 }],
      });
    await touch('touchStart', 200);
    for (let i = 1; i <= 10; i++) await touch('touchMove', 200 + (i * (470 - top.y)) / 10);
    await touch('touchEnd', 0);
    await page.locator('[data-tool="select"]').tap();
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    await page.touchscreen.tap(centre.x, centre.y);
    await page.waitForFunction(() => window.__carton!.selection().length === 1);

    await page.setViewportSize({ width: 844, height: 390 });
    const panel = (await page
      .locator('.style-panel')
      .evaluate((el) => el.getBoundingClientRect().toJSON())) as Box;
    await page.waitForFunction(
      ([id, bottom]) => {
        const n = window.__carton!.shapes().find((s) => s.id === id) as {
          x: number;
          y: number;
          h: number;
        };
        const top = window.__carton!.worldToScreen(n.x, n.y).y;
        const end = window.__carton!.worldToScreen(n.x, n.y + n.h).y;
        return (Math.min(end, bottom) - top) / (end - top) >= 0.7;
      },
      [note.id, panel.y] as const,
      { timeout: 5_000 },
    );
  });

  it('turned back upright, « Aide » stands below the people pill again', async () => {
    const { page } = suite.phone;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(
      () => {
        const help = document.querySelector('.help-floating')?.getBoundingClientRect();
        const people = document.querySelector('.people')?.getBoundingClientRect();
        return help !== undefined && people !== undefined && help.top >= people.bottom;
      },
      null,
      { timeout: 5_000 },
    );
    const help = page.locator('.help-floating');
    const box = (await help.boundingBox())!;
    // What a finger there reaches is « Aide », not the pill.
    const hit = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('.help-floating') !== null,
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(hit).toBe(true);
  });
});
