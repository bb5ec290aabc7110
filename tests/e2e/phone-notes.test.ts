// Notes on a phone, on a territory board from the seed's template fitted to the screen (~20 %),
// one phone on one board for the whole file (the cases' steps leave each other's notes alone;
// the keyboard's case comes last, as it leaves the screen's visible part shrunk).
//
// A participant taps « Papillon », then the carton: the note opens for writing at once, its
// textarea has the focus (a phone's keyboard only comes up for a focused field), so what they
// type goes into it — at the forum-day rehearsal nothing happened and they had to find the
// double tap. A note left empty when its editor closes stays, as after a double tap.
//
// Writing at fit-all zoom, a note's editor was drawn in 7 px type: opening a note or a heading
// for writing zooms to it, near the top of the screen (above where the keyboard rises), so the
// newcomer reads what they type. A finger drags a chosen note there without resizing it.
// Closed, a note and a text alike take the view back where it was (a text's stayed zoomed in).
//
// A note opened for writing is placed above where the keyboard is assumed to rise (the lower
// 45 %). A keyboard taller than that (suggestions, a larger font setting) comes up after: the
// visual viewport shrinks, and the note is re-fitted whole above it. Before, its lower part
// stayed under the keyboard until the person moved the view themselves. Chromium has no
// on-screen keyboard: the visual viewport's height is set as the keyboard would leave it, and
// its resize fired, as a phone's browser does.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  boardSuite,
  cameraSettled,
  PHONE,
  phoneOnCarton,
  shapes,
  toScreen,
  waitForShapes,
  type Point,
} from './fixtures';

/** What a tall keyboard leaves of the screen above it: 340 px. */
const VISIBLE = 340;

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

async function editorBox(page: Page) {
  const editor = page.locator('textarea.text-editor');
  await editor.waitFor();
  return editor.evaluate((e) => ({
    kind: e.className,
    fontSize: parseFloat(getComputedStyle(e).fontSize),
    box: e.getBoundingClientRect().toJSON() as DOMRect,
  }));
}

async function tapTwice(page: Page, x: number, y: number) {
  await page.touchscreen.tap(x, y);
  await page.waitForTimeout(60);
  await page.touchscreen.tap(x, y);
}

describe('notes on a phone at fit-all zoom', () => {
  const suite = boardSuite({ territory: null });
  // The seed's territory board, with its carton, fitted to the phone's screen; `at` a point of
  // the carton clear of its template notes and headings.
  let page: Page;
  let at: Point;

  beforeAll(async () => {
    ({ page, at } = await phoneOnCarton(suite, 'Rimouski-Neigette', 'Nadia'));
  });

  it('a note placed opens for writing at once; typed words go in; an empty one stays when closed', async () => {
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

    // A phone's keyboard sends a letter as text with no key of its own (key 229), at once.
    await page.waitForFunction(() => window.__carton!.camera().zoom < 0.3);
    await cameraSettled(page);
    const written = await placeNote(page, PHONE.width / 2, PHONE.height / 2 + 60);
    await page.keyboard.insertText('É');
    await focusedNoteEditor(page);
    await page.locator('[data-tool="select"]').tap();
    await page.waitForFunction(() => !document.querySelector('textarea.text-editor'));
    const holds = (await shapes(page)).find((s) => s.id === written);
    expect(holds?.type === 'note' && holds.text).toBe('É');
  });

  it('a note of the template opens readable and on screen', async () => {
    // Back at the fitted zoom, at rest (a note closed before glides back there).
    await page.waitForFunction(() => window.__carton!.camera().zoom < 0.3);
    await cameraSettled(page);
    const note = (await shapes(page)).find((s) => s.type === 'note');
    if (!note) throw new Error('the template has notes');
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    // Where the note ends up, not the glide there: with reduced motion the camera jumps at once.
    // (Two equal reads of a gliding camera, 150 ms apart on a loaded machine, once passed for
    // its end, and the editor was read 6 px short of it.)
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await tapTwice(page, centre.x, centre.y);
    await page.locator('textarea.text-editor').waitFor();
    await cameraSettled(page);
    const { kind, fontSize, box } = await editorBox(page);
    expect(kind).toContain('text-editor-note');
    expect(fontSize).toBeGreaterThanOrEqual(14);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(390);
    // Below the header, in the upper half (a phone's keyboard covers the lower one).
    const header = await page
      .locator('.editor-header')
      .evaluate((e) => e.getBoundingClientRect().bottom);
    expect(box.top).toBeGreaterThanOrEqual(header);
    // Not under the folded people list either: its name and count would show through the text.
    const people = await page.locator('.people').evaluate((e) => e.getBoundingClientRect().bottom);
    expect(box.top).toBeGreaterThanOrEqual(people);
    expect(box.bottom).toBeLessThanOrEqual(844 / 2 + 100);

    await page.keyboard.type('Logement abordable pour tous');
    await page.touchscreen.tap(20, 700);
    await page.emulateMedia({ reducedMotion: null });
    const written = (await shapes(page)).find((s) => s.id === note.id);
    expect(written?.type === 'note' && written.text).toBe('Logement abordable pour tous');
  });

  it('a finger drags a chosen note at fit zoom: it moves, its size stays', async () => {
    // The case before left its note chosen, where a tap would open it for writing: let go of it
    // (from the board, which has the keys).
    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__carton!.selection().length === 0);
    // Back at the fitted zoom, at rest (a note closed before glides back there).
    await page.waitForFunction(() => window.__carton!.camera().zoom < 0.3);
    await cameraSettled(page);
    const note = (await shapes(page)).find((s) => s.type === 'note');
    if (note?.type !== 'note') throw new Error('the template has notes');
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    await page.touchscreen.tap(centre.x, centre.y);
    await page.waitForFunction((id) => window.__carton!.selection()[0] === id, note.id);
    // Grabbed near its corner, inside it: where the corner handle's finger-sized target lies.
    const from = await toScreen(page, note.x + note.w * 0.8, note.y + note.h * 0.8);
    const zoom = await page.evaluate(() => window.__carton!.camera().zoom);
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }],
      });
    await touch('touchStart', from.x, from.y);
    for (let i = 1; i <= 8; i++) await touch('touchMove', from.x + i * 8, from.y + i * 4);
    await touch('touchEnd', 0, 0);
    const moved = (await shapes(page)).find((s) => s.id === note.id);
    if (moved?.type !== 'note') throw new Error('the note is gone');
    expect(moved.w).toBeCloseTo(note.w, 3);
    expect(moved.h).toBeCloseTo(note.h, 3);
    expect(moved.x - note.x).toBeGreaterThan(48 / zoom);
    await cdp.detach();
  });

  it('a text written at fit-all zoom: the view zooms to it, and goes back once it closes', async () => {
    // The case before left its note chosen: let go of it, back at the fitted zoom, at rest.
    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__carton!.selection().length === 0);
    await page.waitForFunction(() => window.__carton!.camera().zoom < 0.3);
    await cameraSettled(page);
    const cameraBefore = await page.evaluate(() => window.__carton!.camera());
    const before = new Set((await shapes(page)).map((s) => s.id));
    await page.locator('[data-tool="text"]').tap();
    await page.touchscreen.tap(at.x, at.y + 60);
    await page.waitForFunction(
      () => document.activeElement?.classList.contains('text-editor-text'),
      undefined,
      { timeout: 10_000 },
    );
    // Drawn in 7 px type at the fitted zoom, it is written readably: the view zooms to it.
    await page.waitForFunction(
      (zoom) => window.__carton!.camera().zoom > zoom * 2,
      cameraBefore.zoom,
    );
    await page.keyboard.type('Nos forces');
    const list = await waitForShapes(page, `(s) => s.some((x) => x.text === 'Nos forces')`);
    const text = list.find((s) => !before.has(s.id));
    expect(text?.type).toBe('text');
    await page.locator('[data-tool="select"]').tap();
    await page.waitForFunction(() => !document.querySelector('textarea.text-editor'));
    // Closed, the view goes back to where it was (nobody moved it meanwhile), as for a note.
    await page.waitForFunction(
      (c) => JSON.stringify(window.__carton!.camera()) === JSON.stringify(c),
      cameraBefore,
      { timeout: 10_000 },
    );
  });

  it('a note written when the keyboard comes up taller than assumed is re-fitted whole above it', async () => {
    await page.locator('[data-tool="note"]').tap();
    await page.touchscreen.tap(at.x, at.y);
    await page.waitForFunction(
      () => document.activeElement?.classList.contains('text-editor-note'),
      undefined,
      { timeout: 10_000 },
    );
    const editorRect = () =>
      page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
      });
    // Placed above where the keyboard was assumed to rise, legibly (the glide over).
    await page.waitForFunction(
      (min) => document.activeElement!.getBoundingClientRect().width >= min,
      PHONE.width * 0.45,
      { timeout: 10_000 },
    );
    const header = await page.evaluate(
      () => document.querySelector('.editor-header')!.getBoundingClientRect().bottom,
    );
    const placed = await editorRect();
    expect(placed.bottom).toBeGreaterThan(VISIBLE);

    await page.evaluate((height) => {
      const vv = window.visualViewport!;
      Object.defineProperty(vv, 'height', { configurable: true, get: () => height });
      vv.dispatchEvent(new Event('resize'));
    }, VISIBLE);
    await page.waitForFunction(
      (bottom) => document.activeElement!.getBoundingClientRect().bottom <= bottom,
      VISIBLE,
      { timeout: 10_000 },
    );
    const refitted = await editorRect();
    expect(refitted.top).toBeGreaterThanOrEqual(header);
    expect(refitted.left).toBeGreaterThanOrEqual(0);
    expect(refitted.right).toBeLessThanOrEqual(PHONE.width);
    // Still the note being written.
    expect(
      await page.evaluate(() => document.activeElement?.classList.contains('text-editor-note')),
    ).toBe(true);
  });
});
