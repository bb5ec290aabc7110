// A newcomer places a note and starts typing: the words go into the note (its « Écrivez ici… »
// invites them), in one undo step, instead of each letter switching tools. A bare tool letter on
// an empty note still picks its tool, as the toolbar's tooltips teach.
import { describe, expect, it } from 'vitest';
import { boardSuite, shapes, waitForShapes } from './fixtures';

describe('typing right after placing a note', () => {
  const suite = boardSuite({ territory: 'Rimouski-Neigette', participants: { a: 'Émilie' } });

  it('writes the typed words into the new note, as one undo step', async () => {
    const page = suite.a.page;
    await page.keyboard.press('n');
    await page.mouse.click(400, 300);
    await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    const text = 'Logement abordable : « incontournable » !';
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
    const [note] = await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "note" && x.text.length > 10)',
    );
    expect(note?.type === 'note' && note.text).toBe(text);
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');

    await page.keyboard.press('Control+z');
    const after = await waitForShapes(page, '(s) => s.some((x) => x.type === "note" && !x.text)');
    expect(after).toHaveLength(1);
  });

  it('a bare tool letter on an empty note still picks that tool', async () => {
    const page = suite.a.page;
    expect(await page.evaluate(() => window.__carton!.selection())).toHaveLength(1);
    await page.keyboard.press('p');
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('pen');
    const [note] = await shapes(page);
    expect(note?.type === 'note' && note.text).toBe('');
  });

  it('a word that starts with a tool letter goes into the note just placed', async () => {
    const page = suite.a.page;
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.mouse.click(700, 300);
    await waitForShapes(page, '(s) => s.filter((x) => x.type === "note").length === 2');
    const text = 'transport en commun le soir';
    await page.keyboard.type(text);
    await page.keyboard.press('Escape');
    const list = await waitForShapes(
      page,
      `(s) => s.some((x) => x.type === "note" && x.text === ${JSON.stringify(text)})`,
    );
    expect(list.filter((s) => s.type !== 'note')).toEqual([]);
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');
  });
});
