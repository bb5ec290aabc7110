// A note placed low on a laptop's screen: its selection brings up the colours and actions above
// the toolbar, which covered half the new note. The camera now pans it clear, as a phone's does.
import { describe, expect, it } from 'vitest';
import { boardSuite, toScreen, waitForShapes } from './fixtures';

describe('placing a note low on a laptop', () => {
  const suite = boardSuite({ territory: 'Kamouraska', participants: { a: 'Émilie' } });

  it('brings the new note above the style panel', async () => {
    const page = suite.a.page;
    await page.keyboard.press('n');
    // Just above the note colours the tool shows: the note's lower half lands under them.
    const colours = await page.locator('.style-panel').first().boundingBox();
    if (!colours) throw new Error('no note colours');
    await page.mouse.click(640, colours.y - 40);
    const [note] = await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    if (note?.type !== 'note') throw new Error('no note');
    await page.locator('.style-panel').first().waitFor();
    const panelTop = await page
      .locator('.style-panel')
      .evaluateAll((panels) => Math.min(...panels.map((p) => p.getBoundingClientRect().top)));
    await page.waitForFunction(
      ([y, top]) => {
        const c = window.__carton!.camera();
        return y! * c.zoom + c.y < top!;
      },
      [note.y + note.h, panelTop],
      { timeout: 5_000 },
    );
    const bottom = await toScreen(page, note.x, note.y + note.h);
    expect(bottom.y).toBeLessThan(panelTop);
  });
});
