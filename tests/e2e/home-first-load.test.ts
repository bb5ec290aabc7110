// The home page (create a forum, import an archive, « Vos forums ») loads what it runs, not the
// board: through the board model's and the renderer's indexes (HomePage's territories and date,
// the catalogues' French punctuation) its first load took the whole model, its schemas (zod) and
// Yjs, 245 kB of 659 kB of scripts on 29 November. A board link still loads them, from its
// first request.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardSuite, openBoard } from './fixtures';

/** What marks Yjs and zod in a built script (a message and a class name its minifier keeps). */
const MARKS = { yjs: 'Yjs was already imported', zod: '$ZodObject' } as const;

/** The scripts `page` fetches while `go` runs, by path, with their text. */
async function scriptsFetched(page: Page, go: () => Promise<void>): Promise<Map<string, string>> {
  const scripts = new Map<string, string>();
  const bodies: Promise<void>[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.endsWith('.js')) return;
    bodies.push(
      response.text().then(
        (text) => void scripts.set(path, text),
        () => undefined,
      ),
    );
  });
  await go();
  await Promise.all(bodies);
  return scripts;
}

/** Which of MARKS some script of `scripts` holds. */
function marked(scripts: Map<string, string>): string[] {
  return Object.entries(MARKS)
    .filter(([, mark]) => [...scripts.values()].some((text) => text.includes(mark)))
    .map(([name]) => name);
}

describe('the home page’s first load', () => {
  const suite = boardSuite();

  it('takes neither the board model’s schemas nor Yjs; a board link does', async () => {
    const context = await suite.browser.newContext({ locale: 'fr-CA', serviceWorkers: 'block' });
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Mathilde'));
    const page = await context.newPage();
    const home = await scriptsFetched(page, async () => {
      await page.goto(`${suite.server.url}/`);
      await page.getByRole('button', { name: /Créer le forum/ }).waitFor();
      await page.waitForLoadState('networkidle');
    });
    expect(home.size).toBeGreaterThan(0);
    expect(marked(home)).toEqual([]);

    const board = await scriptsFetched(page, () => openBoard(page, suite.board.edit.url));
    expect(marked(board)).toEqual(['yjs', 'zod']);
    await context.close();
  });
});
