// Coming back online, and who comes and goes, for two participants on one server: the others
// listed again at once when the wifi comes back (never announced as gone); words written
// offline in a note another deleted told once back online, with who deleted it, and put back
// by « Garder mon texte »; who comes and goes said in the page's language, again after a switch.
import { describe, expect, it } from 'vitest';
import { newParticipant } from '../support/browser';
import {
  addNote,
  boardSuite,
  createTerritoryBoard,
  openBoard,
  shapes,
  toScreen,
  waitForShapes,
} from './fixtures';

// Émilie and Pierre, each case on a blank board of its own.
const suite = boardSuite({
  territory: 'Kamouraska',
  participants: { a: 'Émilie', b: 'Pierre' },
});

describe('the others, once the wifi is back', () => {
  it('lists them again at once, without saying they left (nobody moved meanwhile)', async () => {
    const board = await createTerritoryBoard(suite.server, 'La Mitis');
    await openBoard(suite.a.page, board.edit.url);
    await openBoard(suite.b.page, board.edit.url);
    const people = suite.a.page.locator('.people .person .person-name');
    await expect.poll(() => people.allTextContents()).toEqual(['Pierre']);

    await suite.a.context.setOffline(true);
    await suite.a.page
      .locator('[data-testid="status"][data-status="offline"]')
      .waitFor({ timeout: 15_000 });
    await suite.a.context.setOffline(false);
    await suite.a.page.waitForFunction(() => window.__carton?.status() === 'connected', null, {
      timeout: 20_000,
    });
    // Pierre's presence is the relay's copy, the same as before: it must apply. (Without it, he
    // came back only with his next move or his presence's renewal, up to 15 s later, and the
    // list announced « Pierre a quitté le tableau. ».)
    await expect.poll(() => people.allTextContents(), { timeout: 3_000 }).toEqual(['Pierre']);
    expect(await suite.a.page.locator('[data-testid="people-news"]').textContent()).not.toContain(
      'quitté',
    );
  });
});

describe('who comes and goes, said in the page’s language', () => {
  it('says « Nathalie a rejoint le tableau. », then the same news in English after the switch', async () => {
    const board = await createTerritoryBoard(suite.server, 'Les Basques');
    await openBoard(suite.a.page, board.edit.url);
    const news = suite.a.page.getByTestId('people-news');
    const nathalie = await newParticipant(suite.browser, 'Nathalie');
    try {
      await openBoard(nathalie.page, board.edit.url);
      await expect.poll(() => news.textContent()).toBe('Nathalie a rejoint le tableau.');
      // The live region was left in French after « English » (the rest of the page switched).
      await suite.a.page.bringToFront();
      await suite.a.page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => news.textContent()).toBe('Nathalie joined the board.');
      await suite.a.page.getByRole('button', { name: 'Français' }).click();
      await expect.poll(() => news.textContent()).toBe('Nathalie a rejoint le tableau.');
    } finally {
      await nathalie.context.close();
    }
  });
});

describe('words written offline in a note another deletes', () => {
  it('are told once back online, and « Garder mon texte » puts the note back for everyone', async () => {
    const board = await createTerritoryBoard(suite.server, 'La Matapédia');
    await openBoard(suite.a.page, board.edit.url);
    await openBoard(suite.b.page, board.edit.url);
    await suite.a.page.bringToFront();
    const id = await addNote(suite.a.page, 640, 420, 'Sécurité alimentaire');
    await suite.a.page.keyboard.press('Escape');
    // Pierre has the note's whole words before his wifi drops: the note reaches him as Émilie
    // types, and a loaded machine cut him off at « Sécurité ali ».
    await waitForShapes(
      suite.b.page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(id)} && x.text === 'Sécurité alimentaire')`,
    );

    // Pierre's wifi drops; he adds his words to Émilie's note.
    await suite.b.context.setOffline(true);
    await suite.b.page
      .locator('[data-testid="status"][data-status="offline"]')
      .waitFor({ timeout: 15_000 });
    await suite.b.page.bringToFront();
    const note = (await shapes(suite.b.page)).find((s) => s.id === id);
    if (note?.type !== 'note') throw new Error('no note');
    const centre = await toScreen(suite.b.page, note.x + note.w / 2, note.y + note.h / 2);
    await suite.b.page.mouse.dblclick(centre.x, centre.y);
    await suite.b.page.locator('textarea.text-editor').waitFor();
    await suite.b.page.keyboard.press('Control+End');
    await suite.b.page.keyboard.type(' : jardins communautaires');
    await suite.b.page.keyboard.press('Escape');
    await suite.b.page.keyboard.press('Escape');

    // Meanwhile Émilie deletes the note.
    await suite.a.page.bringToFront();
    const onA = await toScreen(suite.a.page, note.x + 20, note.y + 20);
    await suite.a.page.keyboard.press('v');
    await suite.a.page.mouse.click(onA.x, onA.y);
    await suite.a.page.keyboard.press('Delete');
    await waitForShapes(suite.a.page, `(s) => !s.some((x) => x.id === ${JSON.stringify(id)})`);

    // Back online: the deletion wins, and Pierre is told what he had written, not left guessing.
    await suite.b.context.setOffline(false);
    const told = suite.b.page.getByTestId('unsent-words');
    await told.waitFor({ timeout: 20_000 });
    expect(await told.textContent()).toContain('Sécurité alimentaire : jardins communautaires');
    // Named: Émilie's deletion carried her name (M36); it said « Quelqu’un ».
    expect(await told.textContent()).toMatch(/^Émilie a supprimé le papillon/u);
    await told.getByRole('button', { name: 'Garder mon texte' }).click();
    await waitForShapes(
      suite.a.page,
      `(s) => s.some((x) => x.type === 'note' && x.text === 'Sécurité alimentaire : jardins communautaires')`,
      20_000,
    );
  });

  it('an editor still open on it says who deleted it, their page long closed (M36)', async () => {
    const board = await createTerritoryBoard(suite.server, 'Rimouski-Neigette');
    await openBoard(suite.a.page, board.edit.url);
    await openBoard(suite.b.page, board.edit.url);
    await suite.a.page.bringToFront();
    const id = await addNote(suite.a.page, 640, 420, 'Halte-garderie');
    await suite.a.page.keyboard.press('Escape');
    await waitForShapes(suite.b.page, `(s) => s.some((x) => x.id === ${JSON.stringify(id)})`);

    // Émilie's wifi drops; she goes on writing in her note, its editor open.
    await suite.a.context.setOffline(true);
    await suite.a.page
      .locator('[data-testid="status"][data-status="offline"]')
      .waitFor({ timeout: 15_000 });
    const note = (await shapes(suite.a.page)).find((s) => s.id === id);
    if (note?.type !== 'note') throw new Error('no note');
    const centre = await toScreen(suite.a.page, note.x + note.w / 2, note.y + note.h / 2);
    await suite.a.page.mouse.dblclick(centre.x, centre.y);
    await suite.a.page.locator('textarea.text-editor').waitFor();
    await suite.a.page.keyboard.press('Control+End');
    await suite.a.page.keyboard.type(' le samedi');

    // Meanwhile Pierre deletes it and leaves: Émilie's page never saw him hold it.
    await suite.b.page.bringToFront();
    const onB = await toScreen(suite.b.page, note.x + 20, note.y + 20);
    await suite.b.page.keyboard.press('v');
    await suite.b.page.mouse.click(onB.x, onB.y);
    await suite.b.page.keyboard.press('Delete');
    await waitForShapes(suite.b.page, `(s) => !s.some((x) => x.id === ${JSON.stringify(id)})`);
    await suite.b.page.goto('about:blank');

    // Back online: named from the document (it said « Quelqu’un »).
    await suite.a.page.bringToFront();
    await suite.a.context.setOffline(false);
    const said = 'Pierre a supprimé cette note pendant que vous écriviez.';
    await suite.a.page.getByTestId('writing-gone').getByText(said).waitFor({ timeout: 20_000 });
    expect(await suite.a.page.getByTestId('writing-gone-news').textContent()).toBe(said);
  });
});
