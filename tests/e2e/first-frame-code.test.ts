// What a board link's page downloads before the board's first frame, read from the built
// client's source maps: Konva's core and the nodes Carton draws, not Konva's other nodes and
// image filters (apps/web/src/shapes/common/konvaCore.ts); not « Contenu »'s panel nor « Aide »'s
// dialog, which come once the board is drawn (fetched ahead, or when pressed); not the board
// model's importers of other tools' files (CSV, Excalidraw), which only the import dialogs use.
// On a venue's overloaded wifi (400 kbps) each 10 kB before the first frame cost ~0.2 s.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/server';
import { boardSuite } from './fixtures';

const WEB_DIR = process.env.CARTON_WEB_DIR ?? join(REPO_ROOT, 'apps/web/dist');

/**
 * The source files (node_modules' and Carton's) a built script was made from, as absolute paths;
 * none for the bundler's own runtime, which has no map. A map names its sources relative to
 * itself: from the build's own apps/web/dist, Carton's read « ../../src/… », without « apps/web ».
 */
function sourcesOf(scriptPath: string): string[] {
  const path = join(WEB_DIR, `${scriptPath}.map`);
  if (!existsSync(path)) return [];
  const map = JSON.parse(readFileSync(path, 'utf8')) as {
    sourceRoot?: string;
    sources: string[];
  };
  return map.sources.map((source) => resolve(dirname(path), map.sourceRoot ?? '', source));
}

describe('the board link’s code before its first frame', () => {
  const suite = boardSuite();

  it('is Konva’s core with the nodes drawn, without the outline, help or importers, which still open after', async () => {
    const context = await suite.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'fr-CA',
      // The page's own requests only: the offline worker fetches the app's files for later.
      serviceWorkers: 'block',
    });
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Mathilde'));
    try {
      const page = await context.newPage();
      await page.goto(suite.board.edit.url);
      // In the page, at the frame where the board's canvas is first there: the scripts fetched
      // by then (Resource Timing lists a file once it has arrived).
      const handle = await page.waitForFunction(
        () =>
          (window as { __carton?: unknown }).__carton &&
          document.querySelector('.konvajs-content canvas') &&
          performance
            .getEntriesByType('resource')
            .map((entry) => new URL(entry.name).pathname)
            .filter((path) => /^\/assets\/.*\.js$/.test(path)),
        null,
        { polling: 'raf', timeout: 30_000 },
      );
      const scripts = (await handle.jsonValue()) as string[];
      const sources = scripts.flatMap(sourcesOf);
      const find = (pattern: RegExp) => sources.filter((source) => pattern.test(source));

      // The board's drawing code is there (the check reads the right files).
      expect(find(/konva\/lib\/_CoreInternals\.js$/)).toHaveLength(1);
      expect(find(/konva\/lib\/shapes\/Rect\.js$/)).toHaveLength(1);
      expect(find(/apps\/web\/src\/shapes\/note\/NoteShape\.tsx$/)).toHaveLength(1);
      // Not Konva's nodes that no page draws, nor its filters.
      expect(
        find(/konva\/lib\/(shapes\/(Transformer|TextPath|Star|Sprite)\.js|filters\/)/),
      ).toEqual([]);
      expect(find(/apps\/web\/src\/(outline\/OutlinePanel|help\/HelpDialog)\.tsx$/)).toEqual([]);
      expect(find(/packages\/board\/src\/interop\/(csv|excalidraw)\//)).toEqual([]);

      // Both still open, from their buttons.
      await page.locator('.outline-button').click();
      await expect
        .poll(() => page.locator('#outline-panel').isVisible(), { timeout: 15_000 })
        .toBe(true);
      await page.locator('.outline-button').click();
      await page.locator('.help-in-header').click();
      await expect.poll(() => page.getByRole('dialog').isVisible(), { timeout: 15_000 }).toBe(true);
    } finally {
      await context.close();
    }
  });
});
