// A phone's note opened for writing is placed above where the keyboard is assumed to rise (the
// lower 45 %). A keyboard taller than that (suggestions, a larger font setting) comes up after:
// the visual viewport shrinks, and the note is re-fitted whole above it. Before, its lower part
// stayed under the keyboard until the person moved the view themselves. Chromium has no on-screen
// keyboard: the visual viewport's height is set as the keyboard would leave it, and its resize
// fired, as a phone's browser does.
import { describe, expect, it } from 'vitest';
import { boardSuite, PHONE, phoneOnCarton } from './fixtures';
/** What a tall keyboard leaves of the screen above it: 340 px. */
const VISIBLE = 340;

describe('a phone note when the keyboard comes up taller than assumed', () => {
  const suite = boardSuite({ territory: null });

  it('is re-fitted whole above the keyboard', async () => {
    const { page, at } = await phoneOnCarton(suite, 'La Matapédia', 'Sylvie');
    await page.locator('[data-tool="note"]').tap();
    await page.touchscreen.tap(at.x, at.y);
    await page.waitForFunction(
      () => document.activeElement?.classList.contains('text-editor-note'),
      undefined,
      { timeout: 10_000 },
    );
    const editorBox = () =>
      page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      });
    // Placed above where the keyboard was assumed to rise, legibly (the glide over).
    await page.waitForFunction(
      (min) => document.activeElement!.getBoundingClientRect().width >= min,
      PHONE.width * 0.45,
      { timeout: 10_000 },
    );
    const header = await page.evaluate(
      () => document.querySelector('.editor-header')!.getBoundingClientRect().bottom,
    );
    const placed = await editorBox();
    expect(placed.bottom).toBeGreaterThan(VISIBLE);

    await page.evaluate((height) => {
      const vv = window.visualViewport!;
      Object.defineProperty(vv, 'height', { configurable: true, get: () => height });
      vv.dispatchEvent(new Event('resize'));
    }, VISIBLE);
    await page.waitForFunction(
      (bottom) => document.activeElement!.getBoundingClientRect().bottom <= bottom,
      VISIBLE,
      { timeout: 10_000 },
    );
    const refitted = await editorBox();
    expect(refitted.top).toBeGreaterThanOrEqual(header);
    expect(refitted.left).toBeGreaterThanOrEqual(0);
    expect(refitted.right).toBeLessThanOrEqual(PHONE.width);
    // Still the note being written.
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('text-editor-note')),
    ).toBe(true);
  });
});
