// Two participants on one board: notes, text edits, strokes in progress and finished, cursors.
// Undo is per person: A's undo removes A's last note and leaves B's note alone. Choosing several
// shapes without a mouse: in Témiscouata, a keyboard user goes through the notes with Tab and
// adds or takes each out of the selection with Shift+Enter (or Shift+Space); the live region says
// each step, the shape the keyboard is on is outlined on the board, and the arrows then move the
// chosen notes together, for the other participant too.
// Moving and resizing the chosen shapes without a mouse (WCAG 2.1.1), and single-key shortcuts
// a participant can turn off (WCAG 2.1.4). A keyboard user in Rimouski-Neigette moves a note
// with the arrows: the other participant sees it arrive, the live region says where it went,
// and one Ctrl+Z puts the whole burst of presses back. Alt+arrows resize it. Turned off from
// the toolbar, « n » no longer picks the note tool, labels stop showing the letters, and the
// choice survives a reload.
// Émilie and Pierre open a blank board of its own for each of the four (they were four files,
// each with its server, a browser and two contexts).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addNote,
  drag,
  openBoard,
  pressArrowsAtOnce,
  shapes,
  toScreen,
  waitForShapes,
} from './fixtures';
import { participantsOnFreshBoards } from './fresh-boards';

const { freshBoard } = participantsOnFreshBoards({ a: 'Émilie', b: 'Pierre' });

describe('two participants on one board', () => {
  const suite = freshBoard();

  it('a note A creates appears for B, B edits its text and A sees it', async () => {
    await suite.a.page.bringToFront();
    await suite.a.page.keyboard.press('n');
    await suite.a.page.mouse.click(420, 320);
    const [note] = await waitForShapes(suite.b.page, '(s) => s.some((x) => x.type === "note")');
    expect(note?.type).toBe('note');
    if (note?.type !== 'note') return;

    await suite.b.page.bringToFront();
    const centre = await toScreen(suite.b.page, note.x + note.w / 2, note.y + note.h / 2);
    await suite.b.page.mouse.dblclick(centre.x, centre.y);
    await suite.b.page.locator('textarea.text-editor').waitFor();
    await suite.b.page.keyboard.type('Balises claires');
    await suite.b.page.keyboard.press('Escape');
    const seen = await waitForShapes(
      suite.a.page,
      '(s) => s.some((x) => x.type === "note" && x.text === "Balises claires")',
    );
    expect(seen.filter((s) => s.type === 'note')).toHaveLength(1);
  });

  it('both write in that note at once: each keeps their caret, and both words stay (M35)', async () => {
    const note = (await shapes(suite.a.page)).find((s) => s.type === 'note')!;
    for (const { page } of [suite.a, suite.b]) {
      await page.bringToFront();
      const centre = await toScreen(page, note.x + note.w / 2, note.y + note.h / 2);
      await page.mouse.dblclick(centre.x, centre.y);
      await page.locator('textarea.text-editor').waitFor();
    }
    // A's caret at the end, B's at the start (the double click may have chosen a word).
    await suite.a.page.keyboard.press('Control+End');
    await suite.b.page.keyboard.press('Control+Home');
    const typed = async (page: Page, key: string, other: Page) => {
      await page.keyboard.type(key);
      const text = (await shapes(page)).find((s) => s.id === note.id);
      if (text?.type !== 'note') throw new Error('the note is gone');
      await waitForShapes(other, `(s) => s.some((x) => x.text === ${JSON.stringify(text.text)})`);
    };
    // Letter by letter, each seen by the other before the next: before, a letter arriving put
    // the other's caret at the end, and B's « Des » landed among A's letters.
    for (let i = 0; i < 4; i++) {
      await typed(suite.a.page, ' ici'[i]!, suite.b.page);
      await typed(suite.b.page, 'Des '[i]!, suite.a.page);
    }
    // Then both at once, neither waiting for the other: the note's text merges letter by letter
    // (M35). Before, each keystroke wrote the whole text and the last one to arrive won.
    await Promise.all([
      suite.a.page.keyboard.type(' et partout'),
      suite.b.page.keyboard.type('vraies '),
    ]);
    const both = 'Des vraies Balises claires ici et partout';
    for (const { page } of [suite.a, suite.b]) {
      await waitForShapes(page, `(s) => s.some((x) => x.text === ${JSON.stringify(both)})`);
      await page.keyboard.press('Escape');
    }
    const [a, b] = await Promise.all([shapes(suite.a.page), shapes(suite.b.page)]);
    expect(a.find((s) => s.id === note.id)).toMatchObject({ text: both });
    expect(b.find((s) => s.id === note.id)).toMatchObject({ text: both });
  });

  it('B deletes the note A is writing in: A is told who did, and keeps the words', async () => {
    const note = (await shapes(suite.a.page)).find((s) => s.type === 'note')!;
    await suite.a.page.bringToFront();
    const onA = await toScreen(suite.a.page, note.x + note.w / 2, note.y + note.h / 2);
    await suite.a.page.mouse.dblclick(onA.x, onA.y);
    await suite.a.page.locator('textarea.text-editor').waitFor();
    await suite.b.page.bringToFront();
    await suite.b.page.keyboard.press('v');
    const onB = await toScreen(suite.b.page, note.x + 20, note.y + 20);
    await suite.b.page.mouse.click(onB.x, onB.y);
    // As a person takes the time to: A's page has heard that Pierre chose the note.
    await suite.a.page.waitForFunction(
      (id) => window.__carton?.peers().some((p) => p.name === 'Pierre' && p.selection.includes(id)),
      note.id,
      { timeout: 10_000 },
    );
    await suite.b.page.getByRole('button', { name: 'Supprimer', exact: true }).click();
    const said = 'Pierre a supprimé cette note pendant que vous écriviez.';
    await suite.a.page.getByTestId('writing-gone').getByText(said).waitFor({ timeout: 10_000 });
    expect(await suite.a.page.getByTestId('writing-gone-news').textContent()).toBe(said);
    // « Garder mon texte »: the words come back in a note at the same place, for B too.
    await suite.a.page.getByRole('button', { name: 'Garder mon texte' }).click();
    const back = await waitForShapes(
      suite.b.page,
      '(s) => s.some((x) => x.type === "note" && x.text === "Des vraies Balises claires ici et partout")',
    );
    expect(back.find((s) => s.type === 'note')).toMatchObject({ x: note.x, y: note.y });
    await suite.a.page.keyboard.press('Escape');
  });

  it('A draws a stroke: B sees it while it is drawn (awareness), then once written', async () => {
    await suite.a.page.bringToFront();
    await suite.a.page.keyboard.press('p');
    await suite.a.page.mouse.move(700, 250);
    await suite.a.page.mouse.down();
    for (let i = 1; i <= 20; i++)
      await suite.a.page.mouse.move(700 + i * 10, 250 + Math.sin(i / 3) * 40);
    // Mid-gesture: B sees the stroke through awareness, and the document has no stroke yet.
    await suite.b.page.waitForFunction(
      () =>
        window.__carton
          ?.peers()
          .some((p) => p.name === 'Émilie' && (p.preview ?? '').startsWith('stroke:')),
      null,
      { timeout: 10_000 },
    );
    const preview = await suite.b.page.evaluate(
      () => window.__carton!.peers().find((p) => p.name === 'Émilie')?.preview,
    );
    expect(Number(preview?.split(':')[1])).toBeGreaterThan(1);
    expect((await shapes(suite.b.page)).some((s) => s.type === 'stroke')).toBe(false);
    expect((await shapes(suite.a.page)).some((s) => s.type === 'stroke')).toBe(false);

    await suite.a.page.mouse.up();
    const after = await waitForShapes(suite.b.page, '(s) => s.some((x) => x.type === "stroke")');
    const strokes = after.filter((s) => s.type === 'stroke');
    expect(strokes).toHaveLength(1);
    const stroke = strokes[0];
    // Written once, simplified: fewer points than pointer events.
    if (stroke?.type === 'stroke') expect(stroke.points.length / 3).toBeLessThanOrEqual(22);
    await suite.b.page.waitForFunction(
      () => window.__carton?.peers().find((p) => p.name === 'Émilie')?.preview === null,
      null,
      { timeout: 10_000 },
    );
  });

  it('both see each other’s cursors with names', async () => {
    await suite.a.page.bringToFront();
    await suite.a.page.mouse.move(300, 500);
    await suite.a.page.mouse.move(310, 505);
    await suite.b.page.bringToFront();
    await suite.b.page.mouse.move(600, 450);
    await suite.b.page.mouse.move(605, 455);
    await suite.b.page
      .locator('[data-testid="remote-cursor"]', { hasText: 'Émilie' })
      .waitFor({ timeout: 10_000 });
    await suite.a.page
      .locator('[data-testid="remote-cursor"]', { hasText: 'Pierre' })
      .waitFor({ timeout: 10_000 });
    const peer = await suite.a.page.evaluate(() =>
      window.__carton!.peers().find((p) => p.name === 'Pierre'),
    );
    expect(peer?.cursor).not.toBeNull();
    expect(suite.a.errors.filter((e) => !e.includes('favicon') && !e.includes('404'))).toEqual([]);
  });

  it('others’ selections are shared, and following someone tracks their view until you move', async () => {
    const note = (await shapes(suite.b.page)).find((s) => s.type === 'note')!;
    await suite.b.page.bringToFront();
    await suite.b.page.keyboard.press('v');
    const centre = await toScreen(suite.b.page, note.x + 20, note.y + 20);
    await suite.b.page.mouse.click(centre.x, centre.y);
    await suite.a.page.waitForFunction(
      (id) => window.__carton?.peers().some((p) => p.name === 'Pierre' && p.selection.includes(id)),
      note.id,
      { timeout: 10_000 },
    );
    // Named on A's board, above the note: on a phone no cursor tells who chose it.
    const tags = () =>
      suite.a.page.evaluate(() => {
        interface TagNode {
          isVisible(): boolean;
          getClientRect(): { x: number; y: number; width: number; height: number };
          findOne(selector: string): { text(): string } | undefined;
        }
        const konva = (window as unknown as { Konva: { stages: { find(s: string): TagNode[] }[] } })
          .Konva;
        return konva.stages
          .flatMap((stage) => stage.find('.peer-tag'))
          .filter((node) => node.isVisible())
          .map((node) => ({ text: node.findOne('Text')?.text(), box: node.getClientRect() }));
      });
    await expect.poll(async () => (await tags()).map((tag) => tag.text)).toEqual(['Pierre']);
    // A label's size on screen whatever the zoom.
    const [tag] = await tags();
    expect(tag!.box.height).toBeGreaterThan(10);
    expect(tag!.box.height).toBeLessThan(40);

    await suite.a.page.bringToFront();
    await suite.a.page.getByRole('button', { name: 'Pierre' }).click();
    expect(await suite.a.page.evaluate(() => window.__carton!.following())).toBe('Pierre');
    // B zooms in: A's view follows to the same zoom.
    await suite.b.page.bringToFront();
    await suite.b.page.mouse.move(640, 400);
    await suite.b.page.mouse.wheel(0, -300);
    const zoom = await suite.b.page.evaluate(() => window.__carton!.camera().zoom);
    expect(zoom).toBeGreaterThan(1);
    await suite.a.page.waitForFunction(
      (z) => Math.abs(window.__carton!.camera().zoom - z) < 1e-6,
      zoom,
      {
        timeout: 10_000,
      },
    );
    // A moves their own view: following stops.
    await suite.a.page.bringToFront();
    await suite.a.page.mouse.move(500, 400);
    await suite.a.page.mouse.wheel(0, 200);
    expect(await suite.a.page.evaluate(() => window.__carton!.following())).toBeNull();
  });
});

describe('undo per participant', () => {
  const suite = freshBoard('La Mitis');

  it("A's undo removes A's last note and leaves B's note alone", async () => {
    await suite.a.page.bringToFront();
    await suite.a.page.keyboard.press('n');
    await suite.a.page.mouse.click(300, 300);
    await waitForShapes(suite.b.page, '(s) => s.filter((x) => x.type === "note").length === 1');

    await suite.b.page.bringToFront();
    await suite.b.page.keyboard.press('n');
    await suite.b.page.mouse.click(700, 300);
    const both = await waitForShapes(
      suite.a.page,
      '(s) => s.filter((x) => x.type === "note").length === 2',
    );
    const mine = both.find((s) => s.x < 500);
    const theirs = both.find((s) => s.x >= 500);
    expect(mine && theirs).toBeTruthy();

    // A moves its note (one drag = one undo step), then undoes twice: the drag, then the note.
    await suite.a.page.bringToFront();
    await suite.a.page.mouse.move(300, 300);
    await suite.a.page.mouse.down();
    for (let i = 1; i <= 10; i++) await suite.a.page.mouse.move(300 + i * 10, 300);
    await suite.a.page.mouse.up();
    await waitForShapes(
      suite.b.page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(mine!.id)} && x.x === ${mine!.x + 100})`,
    );

    await suite.a.page.keyboard.press('Control+z');
    await waitForShapes(
      suite.b.page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(mine!.id)} && x.x === ${mine!.x})`,
    );
    await suite.a.page.keyboard.press('Control+z');
    const after = await waitForShapes(
      suite.b.page,
      `(s) => !s.some((x) => x.id === ${JSON.stringify(mine!.id)})`,
    );
    expect(after.map((s) => s.id)).toEqual([theirs!.id]);

    // A third undo has nothing of A's left to undo: B's note stays.
    await suite.a.page.keyboard.press('Control+z');
    await suite.a.page.keyboard.press('Control+Shift+z');
    const redone = await waitForShapes(suite.b.page, '(s) => s.length === 2');
    expect(redone.map((s) => s.id).sort()).toEqual([mine!.id, theirs!.id].sort());
    expect((await shapes(suite.a.page)).length).toBe(2);
  });
});

function selection(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__carton!.selection());
}

function announced(page: Page): Promise<string> {
  return page.locator('[data-testid="announcer"]').innerText();
}

/** How many keyboard focus marks the canvas shows. */
function focusMarks(page: Page): Promise<number> {
  return page.evaluate(() => {
    interface MarkNode {
      isVisible(): boolean;
    }
    const konva = (window as unknown as { Konva: { stages: { find(s: string): MarkNode[] }[] } })
      .Konva;
    return konva.stages
      .flatMap((stage) => stage.find('.keyboard-focus-mark'))
      .filter((node) => node.isVisible()).length;
  });
}

describe('several shapes chosen from the keyboard', () => {
  const suite = freshBoard('Témiscouata');

  it('Shift+Enter adds and removes, Tab moves the focus only, the arrows move the chosen', async () => {
    const { page } = suite.a;
    const logement = await addNote(page, 260, 320, 'Logement');
    const transport = await addNote(page, 560, 320, 'Transport');
    const alimentation = await addNote(page, 860, 320, 'Alimentation');
    await page.locator('.canvas').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    expect(await selection(page)).toEqual([logement]);

    // The chosen note begins the set.
    await page.keyboard.press('Shift+Enter');
    await expect
      .poll(() => announced(page))
      .toBe(
        'Sélection commencée\u00a0: Papillon adhésif jaune «\u00a0Logement\u00a0». Tab\u00a0: forme suivante, Maj+Entrée\u00a0: l’ajouter.',
      );
    expect(await selection(page)).toEqual([logement]);
    expect(await page.evaluate(() => window.__carton!.tool())).toBe('select');

    // Tab goes on to the next note without choosing it; the board outlines it.
    await page.keyboard.press('Tab');
    await expect
      .poll(() => announced(page))
      .toBe('Papillon adhésif jaune «\u00a0Transport\u00a0», 2 sur 3, hors de la sélection');
    expect(await selection(page)).toEqual([logement]);
    await expect.poll(() => focusMarks(page)).toBe(1);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Enter');
    await expect
      .poll(() => announced(page))
      .toBe(
        'Ajout à la sélection\u00a0: Papillon adhésif jaune «\u00a0Alimentation\u00a0» (2 formes sélectionnées)',
      );
    expect(await selection(page)).toEqual([logement, alimentation]);

    // Shift+Space does the same; back on the first note, Shift+Enter takes it out.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Space');
    expect(await selection(page)).toEqual([logement, alimentation, transport]);
    await page.keyboard.press('Shift+Tab');
    await expect
      .poll(() => announced(page))
      .toMatch(/«\u00a0Logement\u00a0», 1 sur 3, dans la sélection$/);
    await page.keyboard.press('Shift+Enter');
    await expect
      .poll(() => announced(page))
      .toBe(
        'Retrait de la sélection\u00a0: Papillon adhésif jaune «\u00a0Logement\u00a0» (2 formes sélectionnées)',
      );
    expect(await selection(page)).toEqual([alimentation, transport]);
    // The other participant sees the two chosen.
    await expect
      .poll(async () =>
        (await suite.b.page.evaluate(() => window.__carton!.peers()))
          .find((p) => p.name === 'Émilie')
          ?.selection.slice()
          .sort(),
      )
      .toEqual([alimentation, transport].sort());

    // The arrows move the two chosen notes together; « Logement » stays.
    const before = await shapes(page);
    const yOf = (id: string) => before.find((s) => s.id === id)!.y;
    await page.keyboard.press('Shift+ArrowDown');
    const moved = `(s) => s.find((x) => x.id === "${alimentation}").y === ${yOf(alimentation) + 50} && s.find((x) => x.id === "${transport}").y === ${yOf(transport) + 50} && s.find((x) => x.id === "${logement}").y === ${yOf(logement)}`;
    await waitForShapes(page, moved);
    await waitForShapes(suite.b.page, moved);

    // Escape lets go of all: nothing chosen, no outline.
    await page.keyboard.press('Escape');
    expect(await selection(page)).toEqual([]);
    await expect.poll(() => focusMarks(page)).toBe(0);
  });
});

function tool(page: Page): Promise<string> {
  return page.evaluate(() => window.__carton!.tool());
}

describe('the chosen note, moved and resized with the keyboard', () => {
  const suite = freshBoard('Rimouski-Neigette');
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

    await pressArrowsAtOnce(page, ['ArrowRight', 'ArrowRight', 'ArrowRight', 'Shift+ArrowDown']);
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
    await pressArrowsAtOnce(page, [
      ...Array<string>(Math.abs(dx)).fill(dx < 0 ? 'Shift+ArrowLeft' : 'Shift+ArrowRight'),
      ...Array<string>(Math.abs(dy)).fill(dy < 0 ? 'Shift+ArrowUp' : 'Shift+ArrowDown'),
    ]);
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
