// A participant with only a keyboard (no mouse, perhaps a screen reader) does what a newcomer
// with a mouse does: picks the note tool from the toolbar, places a note, writes in it, goes
// back to the board, chooses shapes with Tab, moves and deletes them, undoes; and the buttons
// still answer Enter and Space when a note is selected. Only the last test touches the mouse,
// to check that Space still pans after a button was clicked.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newParticipant } from '../support/browser';
import { boardSuite, shapes, toScreen, waitForShapes } from './fixtures';

/** What has the keyboard's focus: the canvas, a textarea, or a button's accessible name. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return 'page';
    if (el.classList.contains('canvas')) return 'canvas';
    if (el.tagName === 'TEXTAREA') return 'editor';
    return el.getAttribute('aria-label') ?? el.textContent ?? el.tagName;
  });
}

/** Presses Tab until the focus is on `name` (a bounded walk, as a person would). */
async function tabTo(page: Page, name: string | RegExp): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

function announced(page: Page): Promise<string> {
  return page.locator('[data-testid="announcer"]').innerText();
}

function selection(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__carton!.selection());
}

describe('the board with a keyboard only', () => {
  const suite = boardSuite({
    territory: 'La Matapédia',
    participants: { a: 'Émilie', viewer: { name: 'Luc', opens: 'view' } },
  });

  it('places a note from the toolbar, writes in it, and keeps the focus on the board', async () => {
    const page = suite.a.page;
    await tabTo(page, /^Papillon adhésif/u);
    await page.keyboard.press('Enter');
    // The tool hands the keyboard to the board, whose help says what Enter does.
    expect(await focused(page)).toBe('canvas');
    expect(await page.locator('#canvas-help').innerText()).toContain('Entrée');

    await page.keyboard.press('Enter');
    const [note] = await waitForShapes(page, '(s) => s.length === 1');
    expect(note?.type).toBe('note');
    expect(await announced(page)).toBe('Papillon adhésif jaune, vide, 1 sur 1');

    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('editor');
    await page.keyboard.type('Logement abordable');
    await page.keyboard.press('Escape');
    await waitForShapes(page, '(s) => s[0]?.text === "Logement abordable"');
    // Back on the board, not lost on the page: the arrows move the note.
    expect(await focused(page)).toBe('canvas');
    expect(await announced(page)).toBe(
      'Papillon adhésif jaune «\u00a0Logement abordable\u00a0», 1 sur 1',
    );
    await page.keyboard.press('ArrowRight');
    await waitForShapes(page, `(s) => s[0]?.x === ${note!.x + 10}`);

    // A second note goes beside the first, not on top of it.
    await page.keyboard.press('n');
    await page.keyboard.press('Enter');
    const both = await waitForShapes(page, '(s) => s.length === 2');
    const [first, second] = both;
    expect(Math.abs(second!.x - first!.x)).toBeGreaterThanOrEqual(200);
  });

  it('goes through the shapes with Tab, then on to the toolbar; deletes and undoes', async () => {
    const page = suite.a.page;
    await page.keyboard.press('Escape');
    expect(await selection(page)).toEqual([]);
    const order = (await shapes(page)).sort((a, b) => a.x - b.x).map((s) => s.id);

    // The hand's arrows move the view down until the first note's foot is under the toolbar,
    // still on screen: hidden by the toolbar, not by the window's edge.
    const toolbarTop = await page
      .locator('.toolbar')
      .evaluate((el) => el.getBoundingClientRect().top);
    const first = (await shapes(page)).find((s) => s.id === order[0]);
    if (first?.type !== 'note') throw new Error('the first shape is not a note');
    const foot = async () => (await toScreen(page, first.x, first.y + first.h)).y;
    await page.keyboard.press('h');
    for (let i = 0; i < 20 && (await foot()) <= toolbarTop; i++) {
      await page.keyboard.press('ArrowUp');
    }
    expect(await foot()).toBeGreaterThan(toolbarTop);
    expect(await foot()).toBeLessThan(800);
    await page.keyboard.press('v');

    // A note chosen from the keyboard is brought back into view, clear of the toolbar.
    await page.keyboard.press('ArrowRight');
    expect(await selection(page)).toEqual([order[0]]);
    expect(await foot()).toBeLessThan(toolbarTop);
    expect(await page.locator('[data-testid="tool-news"]').innerText()).toBe('Sélection');
    await page.keyboard.press('Tab');
    expect(await selection(page)).toEqual([order[1]]);
    expect(await announced(page)).toContain('2 sur 2');
    expect(await focused(page)).toBe('canvas');

    await page.keyboard.press('Delete');
    await waitForShapes(page, '(s) => s.length === 1');
    await page.keyboard.press('Control+z');
    await waitForShapes(page, '(s) => s.length === 2');

    // Past the last shape, Tab leaves the board: nothing traps the keyboard there.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^Sélection/u);
    expect(await selection(page)).toEqual([]);
  });

  it('Enter and Space on a focused button press that button, even with a note selected', async () => {
    const page = suite.a.page;
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('canvas');
    await page.keyboard.press('ArrowRight');
    expect(await selection(page)).toHaveLength(1);

    await tabTo(page, /^Main/u);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('hand');
    expect(await page.locator('textarea.text-editor').count()).toBe(0);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatch(/^Sélection/u);
    await page.keyboard.press(' ');
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');

    // The export dialog keeps the keyboard inside it (a modal), closes on Escape without
    // letting go of the chosen note, and gives the focus back to its button.
    await tabTo(page, 'canvas');
    await page.keyboard.press('ArrowRight');
    const chosen = await selection(page);
    expect(chosen).toHaveLength(1);
    // Straight to the button (Tab from the board would go through the shapes first).
    await page.getByRole('button', { name: 'Exporter / Importer' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const inDialog = () =>
      page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      expect(await inDialog()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focused(page)).toBe('Exporter / Importer');
    expect(await selection(page)).toEqual(chosen);
  });

  it('names every control and hides the bare canvas pixels from screen readers', async () => {
    const page = suite.a.page;
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        ignored: boolean;
        role?: { value: string };
        name?: { value: string };
        description?: { value: string };
      }[];
    };
    const shown = nodes.filter((n) => !n.ignored);
    const unnamed = shown.filter(
      (n) => ['button', 'Canvas', 'application'].includes(n.role?.value ?? '') && !n.name?.value,
    );
    expect(unnamed.map((n) => n.role?.value)).toEqual([]);
    // The board is in the page's main landmark, where landmark navigation leads.
    expect(shown.filter((n) => n.role?.value === 'main')).toHaveLength(1);
    expect(await page.locator('main .canvas').count()).toBe(1);
    const board = shown.find((n) => n.role?.value === 'application');
    expect(board?.name?.value).toBe(`Tableau ${suite.board.title}`);
    expect(board?.description?.value).toContain('Tab\u00a0: forme suivante');
    await cdp.detach();
  });

  it('a view link reads the shapes one by one with the arrows and Tab, and changes nothing', async () => {
    const page = suite.viewer.page;
    await page.bringToFront();
    const before = await shapes(page);
    expect(before).toHaveLength(2);
    await tabTo(page, 'canvas');
    expect(await page.locator('#canvas-help').innerText()).toContain('lire les formes');
    await page.keyboard.press('ArrowRight');
    expect(await announced(page)).toBe(
      'Papillon adhésif jaune «\u00a0Logement abordable\u00a0», 1 sur 2',
    );
    await page.keyboard.press('Tab');
    expect(await announced(page)).toContain('2 sur 2');
    expect(await focused(page)).toBe('canvas');
    expect(await shapes(page)).toEqual(before);
    // Nothing of the reader's choice goes out to the people editing.
    const peers = await suite.a.page.evaluate(() => window.__carton!.peers());
    expect(peers.flatMap((p) => p.selection)).toEqual([]);
  });

  it("marks the chosen tool and colour in Windows' contrast themes", async () => {
    const page = suite.a.page;
    await page.bringToFront();
    await page.keyboard.press('n');
    await page.emulateMedia({ forcedColors: 'active' });
    try {
      const look = (selector: string) =>
        page.locator(selector).evaluate((el) => {
          const style = getComputedStyle(el);
          return { background: style.backgroundColor, outline: style.outlineStyle };
        });
      const chosen = await look('.tool[aria-pressed="true"]');
      // Against the toolbar's own background, not a transparent button: the chosen one shows.
      const toolbar = await look('.toolbar');
      expect(chosen.background).not.toBe(toolbar.background);
      const yellow = await look('.swatch[aria-label="Jaune"]');
      expect(yellow.background).toBe('rgb(255, 241, 118)');
      expect(yellow.outline).toBe('solid');
    } finally {
      await page.emulateMedia({ forcedColors: 'none' });
      await page.keyboard.press('Escape');
    }
  });

  it("reaches a chosen note's colours and actions with Ctrl+Enter, and comes back", async () => {
    const page = suite.a.page;
    await tabTo(page, 'canvas');
    await page.keyboard.press('ArrowRight');
    const [id] = await selection(page);
    await page.keyboard.press('Control+Enter');
    expect(await focused(page)).toBe('Jaune');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Rose');
    await page.keyboard.press('Enter');
    await waitForShapes(page, `(s) => s.find((x) => x.id === '${id}')?.color === 'pink'`);
    // Escape comes back to the board with the note still chosen.
    await page.keyboard.press('Escape');
    expect(await focused(page)).toBe('canvas');
    expect(await selection(page)).toEqual([id]);

    // « Supprimer » goes with the selection: the keyboard lands on the board, not on the page.
    await page.keyboard.press('Control+Enter');
    await tabTo(page, 'Supprimer');
    await page.keyboard.press('Enter');
    await waitForShapes(page, `(s) => !s.some((x) => x.id === '${id}')`);
    expect(await focused(page)).toBe('canvas');
    await page.keyboard.press('Control+z');
    await waitForShapes(page, `(s) => s.some((x) => x.id === '${id}')`);
  });

  it('votes with a stamp on each note from the keyboard', async () => {
    const page = suite.a.page;
    expect(await focused(page)).toBe('canvas');
    await page.keyboard.press('Escape');
    await page.keyboard.press('s');
    expect(await page.locator('#canvas-help').innerText()).toContain('y placer le tampon');
    const notes = (await shapes(page)).filter((s) => s.type === 'note');
    for (let i = 0; i < notes.length; i++) {
      // The arrows choose the first note; Tab goes on from the stamp just placed.
      await page.keyboard.press(i === 0 ? 'ArrowRight' : 'Tab');
      await page.keyboard.press('Enter');
      await waitForShapes(page, `(s) => s.filter((x) => x.type === 'stamp').length === ${i + 1}`);
    }
    const all = await shapes(page);
    for (const note of notes) {
      if (note.type !== 'note') continue;
      const on = all.filter(
        (s) =>
          s.type === 'stamp' &&
          s.x >= note.x &&
          s.x <= note.x + note.w &&
          s.y >= note.y - s.size &&
          s.y <= note.y + note.h,
      );
      expect(on).toHaveLength(1);
    }
    expect(await announced(page)).toMatch(/^Tampon cœur/u);
    // Read again, a note says its votes.
    await page.keyboard.press('v');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    expect(await announced(page)).toMatch(/, 1 cœur, 1 sur 4$/u);
  });

  it('with the mouse: Space still pans after a button click; a click shows no keyboard help', async () => {
    const page = suite.a.page;
    await page.getByRole('button', { name: /^Sélection/u }).click();
    await page.keyboard.down(' ');
    const grabbed = page.waitForFunction(
      () => document.querySelector<HTMLElement>('.canvas')?.style.cursor === 'grab',
      null,
      { timeout: 3000 },
    );
    await expect(grabbed).resolves.toBeTruthy();
    await page.keyboard.up(' ');

    // A click on the board focuses it for its keys, without the keyboard's ring and help line.
    await page.mouse.click(640, 600);
    expect(await focused(page)).toBe('canvas');
    expect(await page.locator('.canvas').evaluate((el) => el.matches(':focus-visible'))).toBe(
      false,
    );
    const help = await page.locator('#canvas-help').boundingBox();
    expect(help?.width ?? 0).toBeLessThanOrEqual(1);
  });
});

describe('the name dialog with a keyboard only', () => {
  const suite = boardSuite({ territory: 'La Mitis', participants: { a: 'Émilie' } });

  it('gives the focus to the board after the first name, back to « Changer de nom » after a change', async () => {
    const { page, context } = await newParticipant(suite.browser, null);
    try {
      await page.goto(suite.board.edit.url);
      await page.getByLabel('Votre nom').waitFor();
      await page.keyboard.type('Nathalie');
      await page.keyboard.press('Enter');
      await page.getByText('Nathalie (vous)').waitFor();
      // The board, where the keys start: not the page, where a screen reader says nothing.
      await expect.poll(() => focused(page)).toBe('canvas');

      const rename = page.getByRole('button', { name: 'Changer de nom' });
      await rename.focus();
      await page.keyboard.press('Enter');
      await page.getByLabel('Votre nom').waitFor();
      await page.keyboard.type('Nathalie B.');
      await page.keyboard.press('Enter');
      await page.getByText('Nathalie B. (vous)').waitFor();
      expect(await focused(page)).toBe('Changer de nom');

      await page.keyboard.press('Enter');
      await page.getByLabel('Votre nom').waitFor();
      await page.keyboard.press('Escape');
      await page.getByLabel('Votre nom').waitFor({ state: 'detached' });
      expect(await focused(page)).toBe('Changer de nom');
    } finally {
      await context.close();
    }
  });
});
