// The other tools through the real client: text, rectangle, ellipse, stamps, pen and eraser.
import { describe, expect, it } from 'vitest';
import { boardSuite, drag, shapes, waitForShapes } from './fixtures';

describe('tools', () => {
  const suite = boardSuite({ territory: 'Les Basques', participants: { a: 'Émilie' } });

  it('text (T): click, type a heading, Escape', async () => {
    const page = suite.a.page;
    await page.keyboard.press('t');
    await page.mouse.click(100, 120);
    await page.locator('textarea.text-editor').waitFor();
    await page.keyboard.type('« Conditions présentes »');
    await page.keyboard.press('Escape');
    const [text] = await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "text" && x.text.length > 0)',
    );
    expect(text?.type === 'text' && text.text).toBe('« Conditions présentes »');
  });

  it('rectangle (R) and ellipse (O) by dragging', async () => {
    const page = suite.a.page;
    await page.keyboard.press('r');
    await drag(page, { x: 100, y: 200 }, { x: 300, y: 320 });
    await page.keyboard.press('o');
    await drag(page, { x: 400, y: 200 }, { x: 560, y: 300 });
    const list = await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "rect") && s.some((x) => x.type === "ellipse")',
    );
    const rect = list.find((s) => s.type === 'rect');
    expect(rect?.type === 'rect' && [rect.w, rect.h]).toEqual([200, 120]);
  });

  it('stamps (♥ ★ ✓ ! ?) with one click each; the tool stays on for voting', async () => {
    const page = suite.a.page;
    await page.getByRole('button', { name: 'Tampons' }).click();
    await page.getByRole('button', { name: 'Étoile' }).click();
    await page.mouse.click(700, 200);
    await page.mouse.click(760, 200);
    await page.getByRole('button', { name: 'Point d’interrogation' }).click();
    await page.mouse.click(820, 200);
    const list = await waitForShapes(
      page,
      '(s) => s.filter((x) => x.type === "stamp").length === 3',
    );
    expect(list.filter((s) => s.type === 'stamp').map((s) => s.type === 'stamp' && s.kind)).toEqual(
      ['star', 'star', 'question'],
    );
  });

  it('pen (P) in a chosen colour and width, then the eraser (E) removes the stroke', async () => {
    const page = suite.a.page;
    await page.keyboard.press('p');
    await page.getByRole('button', { name: 'Vert' }).click();
    await page.getByRole('button', { name: 'Épais' }).click();
    await drag(page, { x: 150, y: 500 }, { x: 450, y: 560 }, 15);
    const [stroke] = (
      await waitForShapes(page, '(s) => s.some((x) => x.type === "stroke")')
    ).filter((s) => s.type === 'stroke');
    expect(stroke?.type === 'stroke' && [stroke.color, stroke.width]).toEqual(['green', 10]);
    const count = (await shapes(page)).length;

    await page.keyboard.press('e');
    await drag(page, { x: 300, y: 470 }, { x: 300, y: 600 }, 12);
    await waitForShapes(
      page,
      `(s) => !s.some((x) => x.type === "stroke") && s.length === ${count - 1}`,
    );
    // One undo brings it back.
    await page.keyboard.press('Control+z');
    await waitForShapes(page, '(s) => s.some((x) => x.type === "stroke")');
  });
});
