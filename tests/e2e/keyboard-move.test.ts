// Moving and resizing the chosen shapes without a mouse (WCAG 2.1.1), and single-key shortcuts
// a participant can turn off (WCAG 2.1.4). A keyboard user in Rimouski-Neigette moves a note
// with the arrows: the other participant sees it arrive, the live region says where it went,
// and one Ctrl+Z puts the whole burst of presses back. Alt+arrows resize it. Turned off from
// the toolbar, « n » no longer picks the note tool, labels stop showing the letters, and the
// choice survives a reload.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addNote, boardSuite, drag, openBoard, shapes, toScreen, waitForShapes } from './fixtures';

function announced(page: Page): Promise<string> {
  return page.locator('[data-testid="announcer"]').innerText();
}

function tool(page: Page): Promise<string> {
  return page.evaluate(() => window.__carton!.tool());
}

describe('the chosen note, moved and resized with the keyboard', () => {
  const suite = boardSuite({
    territory: 'Rimouski-Neigette',
    participants: { a: 'Émilie', b: 'Marc' },
  });
  let noteId = '';
  let start = { x: 0, y: 0, w: 0, h: 0 };

  it('the arrows move it, the other participant sees it, one undo puts it back', async () => {
    const { page } = suite.a;
    noteId = await addNote(page, 420, 380, 'Transport collectif');
    const note = (await shapes(page)).find((s) => s.id === noteId);
    if (note?.type !== 'note') throw new Error('no note');
    start = { x: note.x, y: note.y, w: note.w, h: note.h };
    await page.locator('.canvas').focus();
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([noteId]);

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    const moved = `(s) => s.some((x) => x.id === "${noteId}" && x.x === ${start.x + 30} && x.y === ${start.y + 50})`;
    await waitForShapes(page, moved);
    await waitForShapes(suite.b.page, moved);
    expect(await announced(page)).toBe('Déplacement\u00a0: 30 vers la droite, 50 vers le bas');
    // Still chosen, still the board's keys: the arrows did not go choose another shape.
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([noteId]);

    await page.keyboard.press('Control+z');
    const back = `(s) => s.some((x) => x.id === "${noteId}" && x.x === ${start.x} && x.y === ${start.y})`;
    await waitForShapes(page, back);
    await waitForShapes(suite.b.page, back);
    expect(await page.evaluate(() => window.__carton!.canUndo())).toBe(true); // the note itself
  });

  it('Alt+arrows resize it, a note keeping its shape, and the size is said', async () => {
    const { page } = suite.a;
    // Straight from a move: the resize is its own undo step.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowDown');
    const grown = `(s) => s.some((x) => x.id === "${noteId}" && Math.round(x.w) === ${start.w + 20} && Math.round(x.h) === ${start.h + 20})`;
    await waitForShapes(page, grown);
    await waitForShapes(suite.b.page, grown);
    expect(await announced(page)).toBe(`Taille\u00a0: ${start.w + 20} sur ${start.h + 20}`);
    await page.keyboard.press('Control+z');
    await waitForShapes(
      page,
      `(s) => s.some((x) => x.id === "${noteId}" && Math.round(x.w) === ${start.w} && x.x === ${start.x - 10})`,
    );
    await page.keyboard.press('Control+z');
    await waitForShapes(page, `(s) => s.some((x) => x.id === "${noteId}" && x.x === ${start.x})`);
  });

  it('single-key shortcuts turned off: « n » leaves the tool, even after a reload', async () => {
    const { page } = suite.a;
    const toggle = page.getByTestId('single-keys');
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    expect(await page.locator('[data-tool="note"]').getAttribute('aria-label')).toBe(
      'Papillon adhésif (N)',
    );
    await toggle.click();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect(await page.locator('[data-tool="note"]').getAttribute('aria-label')).toBe(
      'Papillon adhésif',
    );
    // Ctrl shortcuts are still taught.
    expect(await page.getByRole('button', { name: 'Annuler (Ctrl+Z)' }).count()).toBe(1);

    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    expect(await tool(page)).toBe('select');
    await page.keyboard.press('n');
    await page.keyboard.press('p');
    expect(await tool(page)).toBe('select');

    await page.reload();
    await openBoard(page, suite.board.edit.url);
    expect(await page.getByTestId('single-keys').getAttribute('aria-checked')).toBe('false');
    await page.locator('.canvas').focus();
    await page.keyboard.press('n');
    expect(await tool(page)).toBe('select');

    // On again: the letter picks its tool as before.
    await page.getByTestId('single-keys').click();
    await page.locator('.canvas').focus();
    await page.keyboard.press('n');
    expect(await tool(page)).toBe('note');
  });

  it('a note moved into a carton with the arrows joins it, as a drag would; one undo takes it out', async () => {
    const { page } = suite.a;
    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('c');
    await drag(page, { x: 120, y: 480 }, { x: 520, y: 760 });
    const [carton] = (
      await waitForShapes(page, '(s) => s.some((x) => x.type === "carton")')
    ).filter((x) => x.type === 'carton');
    if (!carton || carton.type !== 'carton') throw new Error('no carton');
    await page.keyboard.press('Escape');
    const id = await addNote(page, 900, 600, 'Logement abordable');
    const note = (await shapes(page)).find((x) => x.id === id);
    if (note?.type !== 'note') throw new Error('no note');
    expect(note.parentId).toBeNull();
    await page.locator('.canvas').focus();
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([id]);
    // Shift+arrows (50 a press) until the note's centre is near the carton's.
    const steps = (from: number, to: number) => Math.round((to - from) / 50);
    const dx = steps(note.x + note.w / 2, carton.x + carton.w / 2);
    const dy = steps(note.y + note.h / 2, carton.y + carton.h / 2);
    for (let i = 0; i < Math.abs(dx); i++)
      await page.keyboard.press(dx < 0 ? 'Shift+ArrowLeft' : 'Shift+ArrowRight');
    for (let i = 0; i < Math.abs(dy); i++)
      await page.keyboard.press(dy < 0 ? 'Shift+ArrowUp' : 'Shift+ArrowDown');
    // The burst ends when the keys rest: the note has joined the carton, for both participants.
    const joined = `(s) => s.some((x) => x.id === "${id}" && x.parentId === "${carton.id}")`;
    await waitForShapes(page, joined);
    await waitForShapes(suite.b.page, joined);
    await page.keyboard.press('Control+z');
    await waitForShapes(
      page,
      `(s) => s.some((x) => x.id === "${id}" && x.parentId === null && x.x === ${note.x})`,
    );

    // The carton grown with Alt+Shift+arrows until the note is inside takes it in, as a handle would.
    const corner = await toScreen(page, carton.x + 15, carton.y + 15);
    await page.mouse.click(corner.x, corner.y);
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([carton.id]);
    await page.locator('.canvas').focus();
    const grow = (edge: number, to: number) => Math.max(0, Math.ceil((to - edge) / 50)) + 1;
    for (let i = grow(carton.x + carton.w, note.x + note.w); i > 0; i--)
      await page.keyboard.press('Alt+Shift+ArrowRight');
    for (let i = grow(carton.y + carton.h, note.y + note.h); i > 0; i--)
      await page.keyboard.press('Alt+Shift+ArrowDown');
    await waitForShapes(suite.b.page, joined);
  });
});
