// Layout tests that measure one board at several screen sizes: one page per role and language,
// resized from one size to the next. A board's load costs 5–10 s on a loaded CI machine (the
// header and panel cases loaded ~50 pages, over 350 s of one worker), a resize a few frames.
// The first size of each page is a fresh load; the others are that page resized, as a phone
// turned or a window narrowed, and laid out again before anything is measured.
import type { Page } from 'playwright-core';

export interface SharedPages {
  /** The page kept under `key` resized to `size`, or the one `open` loads at that size. */
  at(
    key: string,
    size: { width: number; height: number },
    open: () => Promise<Page>,
  ): Promise<Page>;
  closeAll(): Promise<void>;
}

/** Resizes `page` to `size` and waits until it is laid out at that size (a phone turned). */
export async function resized(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.waitForFunction(
    ([width, height]) => window.innerWidth === width && window.innerHeight === height,
    [size.width, size.height],
  );
  await laidOut(page);
}

/**
 * Two frames: resize observers (the chrome's stack, the header's rows) have run, and what they
 * measure again a frame later (« ? » below the people pill). A piece that grows inside another
 * (the forum's timer coming into its kit) is taken in by those observers at the next frame, not
 * when it enters the page: measured before, the page is the one from before it came.
 */
export async function laidOut(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/**
 * The page's Carton switched to `language` with the header's language button, as a person does
 * (no reload: its board session is kept), and laid out again; nothing if it speaks it already.
 * Layout cases in English take this instead of a page loaded by a browser set to English: the
 * page costs a load, the switch a render. The choice is remembered by the page's context.
 */
export async function inLanguage(page: Page, language: 'fr-CA' | 'en'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === language) return;
  const [to, back] =
    language === 'en' ? ['English, EN', 'Français, FR'] : ['Français, FR', 'English, EN'];
  await page.getByRole('button', { name: to, exact: true }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  await page.getByRole('button', { name: back, exact: true }).waitFor();
  await laidOut(page);
}

export function sharedPages(): SharedPages {
  const pages = new Map<string, Page>();
  return {
    async at(key, size, open) {
      const known = pages.get(key);
      if (known === undefined) {
        const page = await open();
        pages.set(key, page);
        return page;
      }
      await resized(known, size);
      return known;
    },
    async closeAll() {
      for (const page of pages.values()) await page.context().close();
      pages.clear();
    },
  };
}
