// A note chosen on the smallest phone (320 × 640, a finger, device scale 3): its panel (seven
// colours, « Dupliquer, Devant, Derrière, Supprimer », « Agrandir, Réduire, Déplacer », the
// padlock and « Aligner ») wrapped in four boxes ~330 px tall, over the note being changed. It
// is now one row, a tenth of the screen, that scrolls sideways: the note stays in sight above
// it, its buttons stay finger targets with their names, and the arrow at its end brings the
// rest (« Supprimer ») into reach. The people's pill and « ? » stay beside it (they gave way to
// the four boxes, and a participant lost who is there and the help while anything was chosen);
// only « Aligner »'s menu, which wraps the panel again, sends them away until it closes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Shape } from '@carton/board';
import { REPO_ROOT } from '../support/server';
import {
  cameraSettled,
  createForum,
  openBoard,
  serverAndBrowser,
  type ServerAndBrowser,
  shapes,
  shownAtCentre,
  territoryBoard,
  toScreen,
  waitForShapes,
} from './fixtures';
import { boxes, overlapsBetween, rowsOf } from './layout-boxes';

type Note = Extract<Shape, { type: 'note' }>;

const SIZE = { width: 320, height: 640 };
const SHOTS = process.env.CARTON_SHOTS ?? join(REPO_ROOT, 'test-results/screenshots');

describe('a chosen note’s panel on a 320 × 640 phone', () => {
  const suite = serverAndBrowser();

  it('is one row that scrolls, the note in sight above it, its targets 44 px and named', async () => {
    const shots = SHOTS;
    mkdirSync(shots, { recursive: true });
    await withChosenNote(suite, async (page, note) => {
      // A tenth of the screen, not half: one row (it was four boxes, 330 px).
      const [panel] = await boxes(page, '.style-panel');
      expect(panel!.bottom - panel!.top).toBeLessThanOrEqual(SIZE.height * 0.1);
      const buttons = await boxes(page, '.style-panel button');
      expect(buttons.length).toBeGreaterThan(12);
      expect(rowsOf(buttons)).toBe(1);
      // The note being changed is in sight, above the panel.
      const top = await toScreen(page, note.x, note.y);
      const bottom = await toScreen(page, note.x + note.w, note.y + note.h);
      expect(top.y).toBeGreaterThanOrEqual(0);
      expect(bottom.y).toBeLessThanOrEqual(panel!.top);
      await page.screenshot({ path: join(shots, 'phone-320-panel.png') });

      // Finger targets, each with a name a screen reader says; its groups named too.
      const targets = await page.locator('.style-panel button').evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          const name = (e.getAttribute('aria-label') ?? e.textContent ?? '').trim();
          return { name, width: r.width, height: r.height, hidden: e.ariaHidden === 'true' };
        }),
      );
      for (const target of targets) {
        expect(target.width, target.name).toBeGreaterThanOrEqual(44);
        expect(target.height, target.name).toBeGreaterThanOrEqual(44);
        // The edge arrows only scroll: hidden from screen readers, whose buttons are all there.
        if (!target.hidden) expect(target.name).not.toBe('');
      }
      const groups = await page
        .locator('.style-panel [role="group"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      expect(groups.length).toBeGreaterThanOrEqual(3);
      for (const group of groups) expect(group).not.toBe('');

      // « Supprimer » lies past the right edge; the arrow there brings it into the screen.
      const remove = page.getByRole('button', { name: 'Supprimer', exact: true });
      const [hidden] = await boxes(page, '.style-panel .danger');
      expect(hidden!.left).toBeGreaterThanOrEqual(SIZE.width);
      const arrow = page.locator('.style-panel .panel-edge.end');
      const scrolled = () =>
        page.evaluate(() => document.querySelector('.style-panel')!.scrollLeft);
      while ((await boxes(page, '.style-panel .danger'))[0]!.right > SIZE.width - 44) {
        const before = await scrolled();
        await arrow.tap();
        await page.waitForFunction(
          (x) => document.querySelector('.style-panel')!.scrollLeft > x,
          before,
        );
        // The arrow scrolls smoothly: until the row stands still for two frames.
        await page.evaluate(
          () =>
            new Promise<void>((resolve) => {
              const row = document.querySelector('.style-panel')!;
              let last = -1;
              const still = () => {
                if (row.scrollLeft === last) return resolve();
                last = row.scrollLeft;
                requestAnimationFrame(() => requestAnimationFrame(still));
              };
              still();
            }),
        );
      }
      const [reached] = await boxes(page, '.style-panel .danger');
      await page.touchscreen.tap((reached!.left + reached!.right) / 2, reached!.top + 20);
      await waitForShapes(page, `(s) => !s.some((x) => x.id === ${JSON.stringify(note.id)})`);
      expect(await remove.count()).toBe(0);
    });
  });

  it('keeps the people’s pill and « ? » in reach beside it, away only while « Aligner » is open', async () => {
    await withChosenNote(suite, async (page, note) => {
      const floating = '.editor > .people, .editor > .help-floating';
      // Both shown, on top where they are (nothing over them), and over none of the panel.
      expect(await shownAtCentre(page, floating)).toBe(2);
      expect(
        overlapsBetween(await boxes(page, '.style-panel'), await boxes(page, floating)),
      ).toEqual([]);
      await page.screenshot({ path: join(SHOTS, 'phone-320-panel-people.png') });
      // Who is there, without letting the note go.
      await page.locator('.editor > .people .people-toggle').tap();
      await page.locator('.editor > .people.open li.me').waitFor();
      expect(await page.evaluate(() => window.__carton!.selection().length)).toBe(1);
      await page.screenshot({ path: join(SHOTS, 'phone-320-panel-people-open.png') });
      await page.locator('.editor > .people .people-toggle').tap();
      await page.locator('.editor > .people:not(.open)').waitFor();

      // « Aligner »'s menu (two notes chosen) wraps the panel up to the header: the two wait
      // behind it, and are back once it closes.
      const other = (await shapes(page)).find((s) => s.type === 'note' && s.id !== note.id);
      if (other?.type !== 'note') throw new Error('the template carton has two notes');
      const second = await toScreen(page, other.x + other.w / 2, other.y + other.h / 2);
      await page.keyboard.down('Shift');
      await page.mouse.click(second.x, second.y);
      await page.keyboard.up('Shift');
      await page.waitForFunction(() => window.__carton!.selection().length === 2);
      const arrange = page.getByRole('button', { name: 'Aligner', exact: true });
      await arrange.scrollIntoViewIfNeeded();
      await arrange.tap();
      await page.locator('.style-panel .arrange-menu').waitFor();
      expect(
        overlapsBetween(await boxes(page, '.style-panel button'), await boxes(page, floating)),
      ).toEqual([]);
      await arrange.tap();
      await page.locator('.style-panel .arrange-menu').waitFor({ state: 'detached' });
      expect(await shownAtCentre(page, floating)).toBe(2);
    });
  });
});

/** A fresh Témiscouata carton on the 320 × 640 phone, its first note tapped and its panel shown. */
async function withChosenNote(
  suite: ServerAndBrowser,
  run: (page: Page, note: Note) => Promise<void>,
): Promise<void> {
  const board = territoryBoard(
    await createForum(suite.server, { territories: ['Témiscouata'], templates: true }),
  );
  const context = await suite.browser.newContext({
    viewport: SIZE,
    locale: 'fr-CA',
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 3,
  });
  try {
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Maëlle'));
    const page = await context.newPage();
    await openBoard(page, board.edit.url);
    await cameraSettled(page);
    const note = (await shapes(page)).find((s) => s.type === 'note');
    if (note?.type !== 'note') throw new Error('the template carton has notes');
    const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
    await page.touchscreen.tap(centre.x, centre.y);
    await page.waitForFunction((id) => window.__carton!.selection()[0] === id, note.id);
    await page.locator('.style-panel .action').first().waitFor();
    await cameraSettled(page);
    await run(page, note);
  } finally {
    await context.close();
  }
}
