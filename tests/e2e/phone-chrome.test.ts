// The editor's chrome on a phone. With a finger (no keyboard) labels carry no keyboard
// shortcut: « Dupliquer », not « Dupliquer (Ctrl+D) »; the selection's actions fit one row, the
// pen's options two; a chosen tool's name shows for a moment. With a mouse the shortcut is still
// taught.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newParticipant } from '../support/browser';
import { REPO_ROOT } from '../support/server';
import { boardSuite, newPhone, openBoard, waitForShapes } from './fixtures';

async function placeNote(page: Page, tap: (x: number, y: number) => Promise<void>) {
  await page.locator('[data-tool="note"]').click();
  await tap(200, 380);
  await waitForShapes(page, '(s) => s.some((x) => x.type === "note")');
}

describe('the editor chrome, phone and laptop', () => {
  beforeAll(() => {
    mkdirSync(join(REPO_ROOT, 'test-results/screenshots'), { recursive: true });
  });
  const suite = boardSuite({ territory: 'La Matapédia' });

  it('a phone shows none', async () => {
    const { context, page } = await newPhone(suite.browser, 'Pierre');
    await openBoard(page, suite.board.edit.url);
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    await placeNote(page, (x, y) => page.touchscreen.tap(x, y));
    // Back to Select by itself after the note: no caption for that.
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');
    expect(await page.locator('.tool-caption').count()).toBe(0);

    const toolbar = page.locator('.toolbar');
    await expect(toolbar.locator('[data-tool="note"]').getAttribute('aria-label')).resolves.toBe(
      'Papillon adhésif',
    );
    await expect(
      toolbar.getByRole('button', { name: 'Annuler', exact: true }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('button', { name: 'Tout afficher', exact: true }).count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole('button', { name: 'Dupliquer', exact: true }).count(),
    ).resolves.toBe(1);
    const labels = await page.evaluate(() =>
      [...document.querySelectorAll('button')].flatMap((b) => [
        b.textContent ?? '',
        b.title,
        b.getAttribute('aria-label') ?? '',
      ]),
    );
    expect(labels.filter((l) => /Ctrl|Maj\+|\([A-Z]\)/u.test(l))).toEqual([]);

    // The selection's four actions fit one row (short words « Devant », « Derrière »), each a
    // finger-sized target, all on screen.
    const actions = await page
      .locator('.style-panel .action')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(actions).toHaveLength(4);
    expect(new Set(actions.map((r) => Math.round(r.top))).size).toBe(1);
    for (const r of actions) {
      expect(r.height).toBeGreaterThanOrEqual(44);
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThanOrEqual(390);
    }
    await expect(page.getByRole('button', { name: 'Devant' }).innerText()).resolves.toBe('Devant');
    // The size and place actions (WCAG 2.5.7: « Agrandir », « Réduire », « Déplacer ») have a
    // row of their own, finger-sized and on screen too.
    const sizing = await page
      .locator('.style-panel .size-action')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(sizing).toHaveLength(3);
    expect(new Set(sizing.map((r) => Math.round(r.top))).size).toBe(1);
    for (const r of sizing) {
      expect(r.height).toBeGreaterThanOrEqual(44);
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThanOrEqual(390);
    }
    // « Verrouiller » (its padlock; the word is its name) shares that row: alone on a fourth
    // row, the panel covered 45 % of the phone's height over the board being worked on.
    const lock = page.getByRole('button', { name: 'Verrouiller', exact: true });
    const lockBox = await lock.evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect);
    expect(Math.round(lockBox.top)).toBe(Math.round(sizing[0]!.top));
    expect(lockBox.width).toBeGreaterThanOrEqual(44);
    expect(lockBox.right).toBeLessThanOrEqual(390);
    const rowsChosen = await page
      .locator('.style-panel button')
      .evaluateAll(
        (els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().top))).size,
      );
    expect(rowsChosen).toBe(3);

    // No tooltip on a finger: the chosen tool's name shows above the toolbar for a moment.
    // A button just tapped keeps no hover shade (on a touch screen :hover sticks after a tap).
    const fit = page.getByRole('button', { name: 'Tout afficher', exact: true });
    await fit.tap();
    expect(await fit.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    await page.locator('[data-tool="pen"]').tap();
    const caption = page.locator('.tool-caption');
    // The pen's nine colours and three widths wrap in two rows, not three.
    const rows = await page
      .locator('.style-panel button')
      .evaluateAll(
        (els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().top))).size,
      );
    expect(rows).toBe(2);
    expect(await page.locator('.style-panel button').count()).toBe(12);
    await page.screenshot({ path: join(REPO_ROOT, 'test-results/screenshots/phone-pen.png') });
    await expect(caption.innerText()).resolves.toBe('Crayon');
    const captionBox = await caption.boundingBox();
    const toolbarBox = await page.locator('.toolbar').boundingBox();
    if (!captionBox || !toolbarBox) throw new Error('caption or toolbar not laid out');
    expect(captionBox.y + captionBox.height).toBeLessThanOrEqual(toolbarBox.y);
    expect(captionBox.x).toBeGreaterThanOrEqual(0);
    await context.close();
  });

  it('a laptop shows them', async () => {
    const { page, context } = await newParticipant(suite.browser, 'Émilie');
    await openBoard(page, suite.board.edit.url);
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(false);
    await placeNote(page, (x, y) => page.mouse.click(x + 300, y));
    await expect(page.locator('[data-tool="note"]').getAttribute('title')).resolves.toBe(
      'Papillon adhésif (N)',
    );
    await expect(page.getByRole('button', { name: 'Dupliquer (Ctrl+D)' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Rétablir (Ctrl+Maj+Z)' }).count()).resolves.toBe(
      1,
    );
    // A mouse has tooltips: no caption when a tool is chosen.
    await page.locator('[data-tool="pen"]').click();
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('pen');
    expect(await page.locator('.tool-caption').count()).toBe(0);
    await context.close();
  });
});
