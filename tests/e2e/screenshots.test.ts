// Screenshots of a populated carton in French (test-results/screenshots/*.png), for people to
// look at; the assertions check what the pictures must show.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { REPO_ROOT } from '../support/server';
import { newParticipant, type Participant } from '../support/browser';
import { boardSuite, openBoard, toScreen, waitForShapes } from './fixtures';
import { seedTemiscouata } from './seed';

const OUT = join(REPO_ROOT, 'test-results/screenshots');

describe('screenshots of a populated carton', () => {
  beforeAll(() => {
    mkdirSync(OUT, { recursive: true });
  });
  const suite = boardSuite();
  let count = 0;

  beforeAll(async () => {
    const { server, board } = suite;
    count = await seedTemiscouata(server.syncUrl, board.id, board.edit.token);
  });

  // Émilie's laptop for both desktop pictures, the board loaded once in it (a load less: ~5 s,
  // more on a loaded CI machine): the selection's picture at the view the board opens with,
  // then the whole board's.
  let emilie: Promise<Participant> | undefined;
  afterAll(async () => {
    await (await emilie)?.context.close();
  });
  async function emiliesPage() {
    emilie ??= newParticipant(suite.browser, 'Émilie').then(async (participant) => {
      await openBoard(participant.page, suite.board.edit.url);
      return participant;
    });
    const { page } = await emilie;
    await waitForShapes(page, `(s) => s.length === ${count}`);
    return page;
  }

  it('desktop, a note selected and another being edited', async () => {
    const a = { page: await emiliesPage() };
    const b = await newParticipant(suite.browser, 'Pierre');
    onTestFinished(() => b.context.close());
    await openBoard(b.page, suite.board.edit.url);
    await b.page.bringToFront();
    await b.page.mouse.move(500, 420);
    await b.page.mouse.move(520, 430);
    await a.page.bringToFront();
    const note = await toScreen(a.page, 50 + 105, 180 + 105);
    await a.page.mouse.click(note.x, note.y);
    await a.page.locator('[data-testid="remote-cursor"]', { hasText: 'Pierre' }).waitFor();
    expect(await a.page.evaluate(() => window.__carton!.selection().length)).toBe(1);
    await a.page.screenshot({ path: join(OUT, 'carton-selection-fr.png') });
    const other = await toScreen(a.page, 50 + 235 + 105, 180 + 105);
    await a.page.mouse.dblclick(other.x, other.y);
    await a.page.locator('textarea.text-editor').waitFor();
    await a.page.screenshot({ path: join(OUT, 'carton-editing-fr.png') });
  });

  it('desktop, whole board, French', async () => {
    const page = await emiliesPage();
    // The note being written in the case before closed, nothing chosen (Pierre has left).
    await page.keyboard.press('Escape');
    await page.locator('textarea.text-editor').waitFor({ state: 'detached' });
    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__carton!.selection().length === 0);
    await page.locator('[data-testid="remote-cursor"]').waitFor({ state: 'detached' });
    await page.keyboard.press('Shift+Digit1');
    await page.waitForFunction(() => window.__carton!.camera().zoom < 1);
    expect(await page.locator('[data-testid="status"]').textContent()).toContain('connecté');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr-CA');
    await page.screenshot({ path: join(OUT, 'carton-fit-fr.png') });
  });

  it('phone, touch, French', async () => {
    const { page, context } = await newParticipant(suite.browser, 'Hélène', {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
    });
    onTestFinished(() => context.close());
    await openBoard(page, suite.board.edit.url);
    await waitForShapes(page, `(s) => s.length === ${count}`);
    await page.keyboard.press('Shift+Digit1');
    await page.locator('[data-tool="note"]').tap();
    await page.screenshot({ path: join(OUT, 'carton-phone-fr.png') });
    // The header fits the phone: no button pushed off the screen, the title not cut to nothing.
    const header = await page
      .locator('.editor-header > :is(h1, button, div, span.status)')
      .evaluateAll((nodes) =>
        nodes.map((n) => ({ right: n.getBoundingClientRect().right, width: n.clientWidth })),
      );
    expect(header.length).toBeGreaterThan(3);
    expect(Math.max(...header.map((h) => h.right))).toBeLessThanOrEqual(390);
    expect(
      await page.locator('.editor-header h1').evaluate((h) => h.getBoundingClientRect().width),
    ).toBeGreaterThan(150);
    // Tap to place a note: on a touch screen it opens for writing at once (the keyboard comes
    // up); Escape closes it, chosen, and the view comes back to where it was.
    const camera = await page.evaluate(() => window.__carton!.camera());
    await page.touchscreen.tap(200, 250);
    await page.waitForFunction(() =>
      document.activeElement?.classList.contains('text-editor-note'),
    );
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      (c) => JSON.stringify(window.__carton!.camera()) === JSON.stringify(c),
      camera,
    );
    const placed = await waitForShapes(page, `(s) => s.length === ${count + 1}`);
    const added = placed.find((s) => s.type === 'note' && s.text === '');
    expect(added).toBeDefined();
    // The empty note says « Écrivez ici… » (drawn only, never written to the document).
    const hinted = await page.evaluate(() => window.__carton!.noteHints());
    expect(hinted).toContain(added!.id);
    expect(
      placed.filter((s) => hinted.includes(s.id)).every((s) => s.type === 'note' && s.text === ''),
    ).toBe(true);
    // The new note is selected: its colours and actions stay on the phone's screen.
    await page.locator('.style-panel .action').first().waitFor();
    const panel = await page
      .locator('.style-panel button')
      .evaluateAll((buttons) =>
        buttons.map((b) => [b.getBoundingClientRect().left, b.getBoundingClientRect().right]),
      );
    expect(Math.min(...panel.map(([left]) => left!))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...panel.map(([, right]) => right!))).toBeLessThanOrEqual(390);
    // The new note is selected: one more tap opens it for writing (no double tap needed).
    await page.touchscreen.tap(200, 250);
    await page.locator('textarea.text-editor').waitFor();
    await page.keyboard.type('Transport collectif');
    await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "note" && x.text === "Transport collectif")',
    );
    await page.keyboard.press('Escape');
    await page.locator('textarea.text-editor').waitFor({ state: 'detached' });
    // Filled notes never carry the hint, once the editor is closed as well.
    expect(await page.evaluate(() => window.__carton!.noteHints())).not.toContain(added!.id);
    const sizes = await page
      .locator('.toolbar button')
      .evaluateAll((buttons) =>
        buttons.map((b) =>
          Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height),
        ),
      );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(44);
  });
});
