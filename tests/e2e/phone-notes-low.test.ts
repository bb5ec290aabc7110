// A note placed low in the carton on a phone (390 × 844), where the selection's panel comes up
// over it. It opens for writing at once and the view zooms to it, legible above where the
// keyboard rises, as anywhere else on the carton. Before, the panel's « keep the handles clear »
// pan came a frame after the placement, stopped that zoom, and the participant wrote in a 47 px
// box half under the colours. Closed, the view goes back to the fit.
import { describe, expect, it } from 'vitest';
import {
  cameraSettled,
  PHONE,
  phoneOnCarton,
  serverAndBrowser,
  shapes,
  waitForShapes,
} from './fixtures';

describe('a note placed low in the carton on a phone', () => {
  const suite = serverAndBrowser();

  it('opens legible above the keyboard, under the panel no more; closed, the fit is back', async () => {
    // Near the carton's bottom: under where the selection's colours and actions show.
    const { page, at } = await phoneOnCarton(suite, 'La Matanie', 'Nadia', { fx: 0.7, fy: 0.95 });
    try {
      const fitted = await page.evaluate(() => window.__carton!.camera());
      await page.locator('[data-tool="note"]').tap();
      const before = (await shapes(page)).length;
      await page.touchscreen.tap(at.x, at.y);
      await waitForShapes(page, `(s) => s.length === ${before + 1}`);
      await page.waitForFunction(
        () => document.activeElement?.classList.contains('text-editor-note'),
        undefined,
        { timeout: 10_000 },
      );
      // Where it was placed, the selection's panel covers it.
      const [panel] = await page
        .locator('.style-panel')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
      expect(at.y).toBeGreaterThan(panel!);
      // Legible, in the upper part of the screen (the keyboard rises over the lower 45 %).
      await page.waitForFunction(
        (min) => document.activeElement!.getBoundingClientRect().width >= min,
        PHONE.width * 0.45,
        { timeout: 10_000 },
      );
      await cameraSettled(page);
      const editor = await page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return {
          bottom: r.bottom,
          font: parseFloat(getComputedStyle(document.activeElement!).fontSize),
        };
      });
      expect(editor.font).toBeGreaterThanOrEqual(28);
      expect(editor.bottom).toBeLessThanOrEqual(PHONE.height * 0.55);
      await page.keyboard.type('Halte-garderie');
      await page.locator('[data-tool="select"]').tap();
      await page.waitForFunction(() => !document.querySelector('textarea.text-editor'));
      // The glide back ends on the fit itself.
      await page.waitForFunction(
        (c) => JSON.stringify(window.__carton!.camera()) === JSON.stringify(c),
        fitted,
        { timeout: 10_000 },
      );
    } finally {
      await page.context().close();
    }
  });
});
