// Pages of people reading the screen enlarged (a 1280 × 1024 screen at 400 %, a phone at 200 %):
// what the low-vision and enlarged-panel tests open, and what they check a control is.
import { expect } from 'vitest';
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

/**
 * A panel that takes the whole window (a dialog) keeps the keyboard and gives it back: Tab past
 * its `last` control comes back to its `first`, Shift+Tab the other way; Escape closes it, the
 * focus on the `opener` that opened it.
 */
export async function keepsTheKeyboard(
  page: Page,
  panel: Locator,
  { first, last, opener }: { first: Locator; last: Locator; opener: Locator },
): Promise<void> {
  await last.focus();
  await page.keyboard.press('Tab');
  expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Shift+Tab');
  expect(await last.evaluate((el) => el === document.activeElement)).toBe(true);

  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
}
