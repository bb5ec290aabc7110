// A participant on a phone taps « Papillon », then the carton: the note opens for writing at
// once, its textarea has the focus (a phone's keyboard only comes up for a focused field), so
// what they type goes into it — at the forum-day rehearsal nothing happened and they had to
// find the double tap. A note left empty when its editor closes stays, as after a double tap.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { boardSuite, PHONE, phoneOnCarton, shapes, toScreen, waitForShapes } from './fixtures';

/** Waits until a note's editor has the focus (a phone's keyboard then comes up). */
async function focusedNoteEditor(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.activeElement?.classList.contains('text-editor-note'),
    undefined,
    { timeout: 10_000 },
  );
}

async function placeNote(page: Page, x: number, y: number): Promise<string> {
  const before = new Set((await shapes(page)).map((s) => s.id));
  await page.locator('[data-tool="note"]').tap();
  await page.touchscreen.tap(x, y);
  const list = await waitForShapes(page, `(s) => s.length === ${before.size + 1}`);
  const note = list.find((s) => !before.has(s.id));
  if (note?.type !== 'note') throw new Error('no new note');
  return note.id;
}

describe('a note placed on a phone', () => {
  const suite = boardSuite({ territory: null });

  it('opens for writing at once; typed words go in; an empty one stays when closed', async () => {
    // The seed's territory board, with its cartons, fitted to the phone's screen.
    const { page, at } = await phoneOnCarton(suite, 'Rimouski-Neigette', 'Nadia');
    // The carton's empty « Écrivez ici… » note, tapped once, is only chosen (a finger may drag
    // it next): it now says how to write in it, as its hint does on the canvas.
    const template = (await shapes(page)).find((s) => s.type === 'note');
    if (template?.type !== 'note') throw new Error('the template has notes');
    const centre = await toScreen(page, template.x + template.w / 2, template.y + template.h / 2);
    await page.touchscreen.tap(centre.x, centre.y);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="announcer"]')?.textContent?.includes('encore'),
      undefined,
      { timeout: 10_000 },
    );
    expect(await page.evaluate(() => window.__carton!.selection())).toEqual([template.id]);
    expect(await page.locator('[data-testid="announcer"]').textContent()).toMatch(
      /, vide.*\. Touchez encore pour écrire\.$/u,
    );
    const cameraBefore = await page.evaluate(() => window.__carton!.camera());
    const id = await placeNote(page, at.x, at.y);
    await focusedNoteEditor(page);
    // Drawn small at the fitted zoom, it is written legibly: the view zooms to it.
    expect(200 * cameraBefore.zoom).toBeLessThan(PHONE.width * 0.45);
    await page.waitForFunction(
      (min) => document.activeElement!.getBoundingClientRect().width >= min,
      PHONE.width * 0.45,
      { timeout: 10_000 },
    );
    const fontSize = await page.evaluate(() =>
      parseFloat(getComputedStyle(document.activeElement!).fontSize),
    );
    expect(fontSize).toBeGreaterThanOrEqual(28);

    await page.keyboard.type('Transport collectif');
    await waitForShapes(
      page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(id)} && x.text === 'Transport collectif')`,
    );
    await page.locator('[data-tool="select"]').tap();
    await page.waitForFunction(() => !document.querySelector('textarea.text-editor'));
    // Closed, the view goes back to where it was (nobody moved it meanwhile).
    await page.waitForFunction(
      (c) => JSON.stringify(window.__carton!.camera()) === JSON.stringify(c),
      cameraBefore,
      { timeout: 10_000 },
    );

    // Closed with nothing written, a note is kept (the double tap's rule).
    const empty = await placeNote(page, PHONE.width / 2, PHONE.height / 2);
    await focusedNoteEditor(page);
    await page.locator('[data-tool="select"]').tap();
    await page.waitForFunction(() => !document.querySelector('textarea.text-editor'));
    const kept = (await shapes(page)).find((s) => s.id === empty);
    expect(kept?.type === 'note' && kept.text).toBe('');
  });
});
