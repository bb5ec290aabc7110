// A phone held sideways (844 × 390): the chosen note's panel is one row that scrolls sideways,
// and « Réduire … Aligner » lay past the screen's right edge with nothing saying so. That edge
// now fades under an arrow, and a tap on the arrow brings them in; upright phones (390 × 844,
// 360 × 640), whose panel wraps, show no arrow.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite, SIDEWAYS_PHONE, waitForShapes } from './fixtures';

type Box = { left: number; top: number; right: number; bottom: number; height: number };

const box = (page: Page, selector: string): Promise<Box> =>
  page.locator(selector).evaluate((el) => el.getBoundingClientRect().toJSON() as Box);

/** Whether a finger at the middle of `selector`'s box reaches it (nothing covers it). */
const reachable = (page: Page, selector: string): Promise<boolean> =>
  page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    return hit !== null && el.contains(hit);
  });

describe('a phone held sideways: the panel’s hidden actions', () => {
  const suite = boardSuite({
    territory: 'La Mitis',
    participants: {
      phone: { name: 'Mélanie', ...SIDEWAYS_PHONE },
    },
  });

  it('an arrow at the panel’s edge says more actions lie past it, and brings them in', async () => {
    const { page } = suite.phone;
    await page.locator('[data-tool="note"]').tap();
    await page.touchscreen.tap(420, 200);
    await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    // Placed, a phone's note may open for writing: leave it, the note stays chosen.
    if (await page.locator('textarea.text-editor').count()) await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__carton!.selection().length === 1);
    const aligner = '.style-panel .arrange-toggle';
    await page.locator(aligner).waitFor();

    // Still one row for the header and one for the panel (what the sideways layout freed).
    expect((await box(page, '.editor-header')).height).toBeLessThan(60);
    const panel = await box(page, '.style-panel');
    expect(panel.height).toBeLessThan(70);
    // « Aligner » lies past the panel's right edge: the arrow stands there, in reach.
    expect((await box(page, aligner)).left).toBeGreaterThan(panel.right);
    const end = '.style-panel .panel-edge.end';
    await page.locator(end).waitFor({ timeout: 5_000 });
    const arrow = await box(page, end);
    expect(Math.abs(arrow.right - panel.right)).toBeLessThan(2);
    expect(arrow.right).toBeLessThanOrEqual(844);
    expect(await reachable(page, end)).toBe(true);
    expect(await page.locator('.style-panel .panel-edge.start').count()).toBe(0);

    // A finger at the arrow (locator.tap would first scroll the arrow's own place into view).
    await page.touchscreen.tap((arrow.left + arrow.right) / 2, (arrow.top + arrow.bottom) / 2);
    // « Aligner » comes in whole, not under an arrow; the arrow goes to the other edge.
    await page.waitForFunction(
      (selector) => {
        const panel = document.querySelector('.style-panel')!.getBoundingClientRect();
        const button = document.querySelector(selector)!.getBoundingClientRect();
        return button.left >= panel.left && button.right <= panel.right + 0.5;
      },
      aligner,
      { timeout: 5_000 },
    );
    await page.locator(end).waitFor({ state: 'detached' });
    expect(await reachable(page, aligner)).toBe(true);
    expect(await reachable(page, '.style-panel .panel-edge.start')).toBe(true);
    expect((await box(page, '.style-panel')).height).toBeLessThan(70);

    // The keyboard reaching « Réduire » from the start: scrolled in clear of the arrow (the
    // browser centres a focused button it scrolls to), not left under it.
    await page.locator('.style-panel').evaluate((el) => el.scrollTo({ left: 0 }));
    await page.locator(end).waitFor({ timeout: 5_000 });
    const shrink = '.style-panel .size-action:has-text("Réduire")';
    await page.locator(shrink).focus();
    expect(await reachable(page, shrink)).toBe(true);
  });

  it('upright (390 × 844, 360 × 640) the panel wraps and shows no arrow', async () => {
    const { page } = suite.phone;
    for (const [width, height] of [
      [390, 844],
      [360, 640],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForFunction((w) => innerWidth === w, width);
      // The panel has left its sideways row: nothing scrolls, nothing hides.
      await page.waitForFunction(
        () => {
          const panel = document.querySelector('.style-panel');
          return panel !== null && getComputedStyle(panel).overflowX === 'visible';
        },
        null,
        { timeout: 5_000 },
      );
      await page.locator('.style-panel .panel-edge').first().waitFor({ state: 'detached' });
      const panel = await box(page, '.style-panel');
      const aligner = await box(page, '.style-panel .arrange-toggle');
      expect(aligner.right).toBeLessThanOrEqual(width);
      expect(aligner.bottom).toBeLessThanOrEqual(panel.bottom + 0.5);
    }
  });
});
