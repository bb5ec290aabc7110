// Undo is per person: A's undo removes A's last note and leaves B's note alone.
import { describe, expect, it } from 'vitest';
import { boardSuite, shapes, waitForShapes } from './fixtures';

describe('undo per participant', () => {
  const suite = boardSuite({ territory: 'La Mitis', participants: { a: 'Émilie', b: 'Pierre' } });

  it("A's undo removes A's last note and leaves B's note alone", async () => {
    await suite.a.page.bringToFront();
    await suite.a.page.keyboard.press('n');
    await suite.a.page.mouse.click(300, 300);
    await waitForShapes(suite.b.page, '(s) => s.filter((x) => x.type === "note").length === 1');

    await suite.b.page.bringToFront();
    await suite.b.page.keyboard.press('n');
    await suite.b.page.mouse.click(700, 300);
    const both = await waitForShapes(
      suite.a.page,
      '(s) => s.filter((x) => x.type === "note").length === 2',
    );
    const mine = both.find((s) => s.x < 500);
    const theirs = both.find((s) => s.x >= 500);
    expect(mine && theirs).toBeTruthy();

    // A moves its note (one drag = one undo step), then undoes twice: the drag, then the note.
    await suite.a.page.bringToFront();
    await suite.a.page.mouse.move(300, 300);
    await suite.a.page.mouse.down();
    for (let i = 1; i <= 10; i++) await suite.a.page.mouse.move(300 + i * 10, 300);
    await suite.a.page.mouse.up();
    await waitForShapes(
      suite.b.page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(mine!.id)} && x.x === ${mine!.x + 100})`,
    );

    await suite.a.page.keyboard.press('Control+z');
    await waitForShapes(
      suite.b.page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(mine!.id)} && x.x === ${mine!.x})`,
    );
    await suite.a.page.keyboard.press('Control+z');
    const after = await waitForShapes(
      suite.b.page,
      `(s) => !s.some((x) => x.id === ${JSON.stringify(mine!.id)})`,
    );
    expect(after.map((s) => s.id)).toEqual([theirs!.id]);

    // A third undo has nothing of A's left to undo: B's note stays.
    await suite.a.page.keyboard.press('Control+z');
    await suite.a.page.keyboard.press('Control+Shift+z');
    const redone = await waitForShapes(suite.b.page, '(s) => s.length === 2');
    expect(redone.map((s) => s.id).sort()).toEqual([mine!.id, theirs!.id].sort());
    expect((await shapes(suite.a.page)).length).toBe(2);
  });
});
