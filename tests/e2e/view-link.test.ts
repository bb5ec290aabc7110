// A view link shows the board read-only: no tools, and nothing typed or dragged there changes it.
import { describe, expect, it } from 'vitest';
import { boardSuite, openBoard, shapes, toScreen, waitForShapes } from './fixtures';

describe('view link', () => {
  const suite = boardSuite({
    territory: 'Kamouraska',
    participants: { editor: 'Émilie', viewer: { name: 'Invité', opens: false } },
  });

  it('shows the board without tools and ignores typing and dragging', async () => {
    await suite.editor.page.bringToFront();
    await suite.editor.page.keyboard.press('n');
    await suite.editor.page.mouse.click(400, 300);
    await waitForShapes(suite.editor.page, '(s) => s.length === 1');

    await openBoard(suite.viewer.page, suite.board.view.url);
    expect(await suite.viewer.page.evaluate(() => window.__carton!.role())).toBe('view');
    const seen = await waitForShapes(suite.viewer.page, '(s) => s.length === 1');
    expect(seen[0]?.type).toBe('note');
    expect(await suite.viewer.page.locator('.toolbar').count()).toBe(0);
    expect(await suite.viewer.page.getByText('Lecture seule').count()).toBe(1);
    const before = JSON.stringify(await shapes(suite.editor.page));

    // Everything an editor would do: shortcuts, a click to place, a drag, typing, delete, undo.
    await suite.viewer.page.bringToFront();
    const note = seen[0]!;
    const centre = await toScreen(suite.viewer.page, note.x + 100, note.y + 100);
    await suite.viewer.page.keyboard.press('n');
    await suite.viewer.page.mouse.click(700, 500);
    await suite.viewer.page.mouse.dblclick(centre.x, centre.y);
    await suite.viewer.page.keyboard.type('Vandalisme');
    await suite.viewer.page.mouse.move(centre.x, centre.y);
    await suite.viewer.page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await suite.viewer.page.mouse.move(centre.x + i * 20, centre.y + i * 10);
    await suite.viewer.page.mouse.up();
    await suite.viewer.page.keyboard.press('Delete');
    await suite.viewer.page.keyboard.press('Control+z');
    await suite.viewer.page.keyboard.press('Control+d');
    expect(await suite.viewer.page.locator('textarea').count()).toBe(0);

    // A barrier: a later edit reaches the viewer, so anything the viewer sent earlier has been
    // through the server by now.
    await suite.editor.page.bringToFront();
    await suite.editor.page.keyboard.press('n');
    await suite.editor.page.mouse.click(900, 300);
    await waitForShapes(suite.viewer.page, '(s) => s.length === 2');
    const after = await shapes(suite.editor.page);
    expect(JSON.stringify(after.filter((s) => s.id === note.id))).toBe(
      JSON.stringify(JSON.parse(before)),
    );
    expect(after).toHaveLength(2);
    expect((await shapes(suite.viewer.page)).find((s) => s.id === note.id)).toEqual(note);
  });
});
