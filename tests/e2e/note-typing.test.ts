// A newcomer places a note and starts typing: the words go into the note (its « Écrivez ici… »
// invites them), in one undo step, instead of each letter switching tools. A bare tool letter on
// an empty note still picks its tool, as the toolbar's tooltips teach.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite, shapes, waitForShapes } from './fixtures';

/**
 * The lines the open textarea shows, read from a copy of it laid out the same way (a textarea's
 * own line boxes cannot be measured): a new line wherever a character drops below the last.
 */
function editorLines(page: Page): Promise<string[]> {
  return page.locator('textarea.text-editor').evaluate((area: HTMLTextAreaElement) => {
    const style = getComputedStyle(area);
    const copy = document.createElement('div');
    for (const key of ['font', 'lineHeight', 'textAlign', 'whiteSpace', 'overflowWrap'] as const)
      copy.style[key] = style[key];
    copy.style.width = `${area.clientWidth - parseFloat(style.paddingLeft) * 2}px`;
    copy.style.position = 'absolute';
    copy.textContent = area.value;
    document.body.append(copy);
    const range = document.createRange();
    const lines: string[] = [];
    let line = '';
    let top = -Infinity;
    for (let i = 0; i < area.value.length; i++) {
      range.setStart(copy.firstChild!, i);
      range.setEnd(copy.firstChild!, i + 1);
      const y = range.getClientRects()[0]?.top ?? top;
      if (y > top + 1 && i > 0) {
        lines.push(line);
        line = '';
      }
      top = y;
      line += area.value.charAt(i);
    }
    lines.push(line);
    copy.remove();
    return lines.map((line) => line.trimEnd());
  });
}

/** The lines Konva draws for the note whose text is `text` (spaces of any kind alike). */
function canvasLines(page: Page, text: string): Promise<string[] | undefined> {
  return page.evaluate((wanted) => {
    interface TextNode {
      text(): string;
      textArr: { text: string }[];
    }
    const konva = (window as unknown as { Konva: { stages: { find(s: string): TextNode[] }[] } })
      .Konva;
    const squeeze = (s: string) => s.replace(/\s+/gu, '');
    return konva.stages
      .flatMap((stage) => stage.find('Text'))
      .find((node) => squeeze(node.text()) === squeeze(wanted))
      ?.textArr.map((line) => line.text);
  }, text);
}

const plain = (lines: string[] | undefined) =>
  lines?.map((l) => l.replace(/[\u00a0\u202f]/gu, ' '));

describe('typing right after placing a note', () => {
  const suite = boardSuite({ territory: 'Rimouski-Neigette', participants: { a: 'Émilie' } });

  it('writes the typed words into the new note, as one undo step', async () => {
    const page = suite.a.page;
    await page.keyboard.press('n');
    await page.mouse.click(400, 300);
    await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
    const text = 'Logement abordable : « incontournable » !';
    await page.keyboard.type(text);
    // The words break where the canvas breaks them once the editor closes: « incontournable »
    // keeps its « (the textarea left it alone at the end of a line, then the line jumped).
    const typing = await editorLines(page);
    await page.keyboard.press('Escape');
    const [note] = await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "note" && x.text.length > 10)',
    );
    expect(note?.type === 'note' && note.text).toBe(text);
    expect(plain(typing)).toEqual(plain(await canvasLines(page, text)));
    expect(typing.length).toBeGreaterThan(1);
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
