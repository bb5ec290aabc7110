// Pages of people reading the screen enlarged (a 1280 × 1024 screen at 400 %, a phone at 200 %):
// what the low-vision and enlarged-panel tests open, and what they check a control is.
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';

/**
 * A page at `size` (a window's CSS pixels at some zoom), in French, reduced motion, as `name` who
 * has already closed the first-visit hint.
 */
export async function enlargedPage(
  browser: Browser,
  size: BrowserContextOptions,
  name = 'Gisèle Pelletier',
): Promise<Page> {
  const context = await browser.newContext({ ...size, locale: 'fr-CA', reducedMotion: 'reduce' });
  await context.addInitScript((who) => {
    localStorage.setItem('carton.name', who);
    localStorage.setItem('carton.helpHint', 'done');
  }, name);
  return context.newPage();
}

/** Whether `control` lies whole in the window and under nothing (its centre hits it). */
export function wholeAndUncovered(control: Locator): Promise<boolean> {
  return control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.top >= 0 && r.bottom <= innerHeight && hit !== null && el.contains(hit);
  });
}
