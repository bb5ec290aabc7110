// « Copier vers… » on the facilitator page in real Chromium (R68): the facilitator prepared this
// year's carton on Témiscouata and gives it to Rimouski-Neigette and La Mitis in one go; a
// participant already on Rimouski-Neigette sees it arrive, and La Mitis opens with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newParticipant, type Participant } from '../support/browser';
import { startServer, type CartonServer } from '../support/server';
import { createForum, openBoard, shapes, waitForShapes, type CreatedForum } from './fixtures';

const NBSP = '\u00a0';
const NOTE_TEXT = 'Concertation forte entre partenaires, partage des savoirs';

/** The prepared carton as a board file: a carton with its question, a note, a bound arrow. */
const PREPARED = {
  format: 'carton-board',
  version: 1,
  meta: { schemaVersion: 1, title: 'Conditions de succès — Témiscouata', kind: 'territory' },
  shapes: [
    {
      id: 'shape:carton0000000000000001',
      type: 'carton',
      x: 1200,
      y: 0,
      rotation: 0,
      index: 'a0',
      parentId: null,
      title: 'Mes conditions de succès pour la prochaine Alliance',
      w: 900,
      h: 600,
    },
    {
      id: 'shape:note00000000000000000001',
      type: 'note',
      x: 1240,
      y: 120,
      rotation: 0,
      index: 'a1',
      parentId: 'shape:carton0000000000000001',
      text: NOTE_TEXT,
      color: 'yellow',
      w: 200,
      h: 200,
    },
    {
      id: 'shape:arrow0000000000000000001',
      type: 'arrow',
      x: 1440,
      y: 220,
      rotation: 0,
      index: 'a2',
      parentId: null,
      start: { x: 0, y: 0 },
      end: { x: 200, y: 0 },
      startBinding: { shapeId: 'shape:note00000000000000000001', anchor: { x: 1, y: 0.5 } },
      endBinding: null,
      color: 'black',
      width: 4,
    },
  ],
};

// One server for both describes, its boards capped at 24 KB for R30's case (the prepared carton
// copied twice is far below), and one facilitator's laptop.
let server: CartonServer;
let browser: Browser;
let facilitator: Participant;

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({ env: { CARTON_MAX_BOARD_BYTES: String(24 * 1024) } }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('« Copier vers… » on the facilitator page', () => {
  let participant: Participant;
  let forum: CreatedForum;
  const board = (territory: string) => forum.boards.find((b) => b.title.endsWith(territory))!;

  beforeAll(async () => {
    forum = await createForum(server, {
      territories: ['Témiscouata', 'Rimouski-Neigette', 'La Mitis'],
    });
    const imported = await fetch(`${server.url}/api/boards/${board('Témiscouata').id}/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
      body: JSON.stringify(PREPARED),
    });
    if (imported.status !== 200) throw new Error(`import → ${imported.status}`);
    participant = await newParticipant(browser, 'Émilie');
    await openBoard(participant.page, board('Rimouski-Neigette').edit.url);
    facilitator = await newParticipant(browser, 'Marie-Anne', {
      viewport: { width: 1366, height: 900 },
    });
    await facilitator.page.goto(
      `${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`,
    );
    await facilitator.page.locator('.forum-links tr[data-kind="territory"]').first().waitFor();
  });

  it('copies the prepared carton to two territory boards; the copies show on both', async () => {
    const page = facilitator.page;
    const before = await shapes(participant.page);
    const exported = await fetch(
      `${server.url}/api/boards/${board('Témiscouata').id}/export.json`,
      {
        headers: { Authorization: `Bearer ${forum.facilitator.token}` },
      },
    );
    const source = (await exported.json()) as { shapes: { id: string; type: string }[] };
    const opener = page
      .locator(`tr[data-board-id="${board('Témiscouata').id}"]`)
      .getByRole('button', { name: 'Copier vers…' });
    expect(await opener.getAttribute('title')).toMatch(
      /^Copier «.Témiscouata.» vers d’autres tableaux$/,
    );

    // Escape closes the dialog and gives the focus back to the button that opened it.
    await opener.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      'Le contenu de ce tableau sera ajouté à droite de ce qui s’y trouve déjà. Rien n’est effacé.',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);

    await opener.click();
    // The source is not offered; « Tous les territoires » ticks the two other territories.
    const boxes = dialog.getByRole('checkbox');
    const names = await dialog.locator('fieldset label').allTextContents();
    expect(names.some((n) => n.includes('Témiscouata'))).toBe(false);
    // The postcards board is named once, not « Cartes postales (Cartes postales) ».
    expect(names.filter((n) => n.includes('Cartes postales')).map((n) => n.trim())).toEqual([
      'Cartes postales',
    ]);
    // The prepared carton holds one written note: the dialog says so before the copy, and
    // leaves its words behind unless told otherwise. The facilitator wrote it as an example
    // for every territory, so they choose to copy its text too.
    const notes = dialog.getByRole('group', { name: 'Texte des papillons' });
    await notes.getByText('Ce tableau contient 1 papillon écrit.', { exact: false }).waitFor();
    expect(
      await notes.getByRole('radio', { name: /^Copier les papillons vides/ }).isChecked(),
    ).toBe(true);
    await notes.getByRole('radio', { name: 'Copier aussi le texte des papillons' }).check();
    await dialog.getByRole('checkbox', { name: 'Tous les territoires' }).check();
    expect(await dialog.getByRole('checkbox', { name: 'Rimouski-Neigette' }).isChecked()).toBe(
      true,
    );
    expect(await dialog.getByRole('checkbox', { name: 'La Mitis' }).isChecked()).toBe(true);
    expect(await boxes.count()).toBeGreaterThan(3);
    await dialog.getByRole('button', { name: 'Copier sur 2 tableaux' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Copié sur 2 tableaux' }).waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The participant on Rimouski-Neigette sees the carton arrive, right of their own carton.
    const after = await waitForShapes(
      participant.page,
      `(shapes) => shapes.some((s) => s.type === 'note' && s.text === ${JSON.stringify(NOTE_TEXT)})
        && shapes.some((s) => s.type === 'arrow')`,
    );
    const added = after.filter((s) => !before.some((b) => b.id === s.id));
    // The whole source board: its template carton and the prepared one, with new ids.
    expect(added.map((s) => s.type).sort()).toEqual(source.shapes.map((s) => s.type).sort());
    expect(added.some((s) => source.shapes.some((o) => o.id === s.id))).toBe(false);
    const note = added.find((s) => s.type === 'note' && s.text === NOTE_TEXT)!;
    const arrow = added.find((s) => s.type === 'arrow');
    expect(arrow?.type === 'arrow' && arrow.startBinding?.shapeId).toBe(note.id);
    const oldRight = Math.max(...before.map((s) => ('w' in s ? s.x + s.w : s.x)));
    expect(Math.min(...added.map((s) => s.x))).toBeGreaterThan(oldRight);

    // La Mitis opens with the copy too (a new tab of Émilie's laptop, which never opened it).
    const mitis = await participant.context.newPage();
    await openBoard(mitis, board('La Mitis').edit.url);
    await waitForShapes(
      mitis,
      `(shapes) => shapes.some((s) => s.type === 'note' && s.text === ${JSON.stringify(NOTE_TEXT)})`,
    );
    await mitis.close();
    expect(participant.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});

describe('« Copier vers… » from a board that holds participants’ notes', () => {
  let forum: CreatedForum;
  const board = (territory: string) => forum.boards.find((b) => b.title.endsWith(territory))!;
  const IDEAS = [
    'Transport collectif en milieu rural',
    'Logement abordable pour les familles',
    'Sécurité alimentaire toute l’année',
    'Reconnaissance des savoirs d’expérience',
  ];

  beforeAll(async () => {
    forum = await createForum(server, {
      territories: ['Kamouraska', 'La Mitis'],
      templates: false,
    });
    // Kamouraska's group wrote four notes on its carton during the day.
    const answer = await fetch(`${server.url}/api/boards/${board('Kamouraska').id}/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
      body: JSON.stringify({
        ...PREPARED,
        meta: { ...PREPARED.meta, title: 'Conditions de succès — Kamouraska' },
        shapes: [
          { ...PREPARED.shapes[0], title: 'Conditions de succès — Kamouraska' },
          ...IDEAS.map((text, i) => ({
            ...PREPARED.shapes[1],
            id: `shape:note0000000000000000002${i}`,
            x: 1240 + 220 * i,
            text,
          })),
        ],
      }),
    });
    if (answer.status !== 200) throw new Error(`import → ${answer.status}`);
  });

  it('says how many notes it holds and copies them without their words by default', async () => {
    const page = facilitator.page;
    await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
    await page
      .locator(`tr[data-board-id="${board('Kamouraska').id}"]`)
      .getByRole('button', { name: 'Copier vers…' })
      .click();
    const dialog = page.getByRole('dialog');
    const notes = dialog.getByRole('group', { name: 'Texte des papillons' });
    const warning = notes.getByText('Ce tableau contient 4 papillons écrits.', { exact: false });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(
      `«${NBSP}Les incontournables${NBSP}» les compteraient une fois pour chaque territoire`,
    );
    // The dialog's description reads the warning out with the explanation.
    expect(await dialog.getAttribute('aria-describedby')).toContain(
      (await warning.getAttribute('id'))!,
    );
    const empty = notes.getByRole('radio', { name: /^Copier les papillons vides/ });
    const keep = notes.getByRole('radio', { name: 'Copier aussi le texte des papillons' });
    expect([await empty.isChecked(), await keep.isChecked()]).toEqual([true, false]);

    await dialog.getByRole('checkbox', { name: 'La Mitis' }).check();
    await dialog.getByRole('button', { name: 'Copier sur 1 tableau' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Copié sur 1 tableau' }).waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    // La Mitis has the carton and four notes in their places, with none of Kamouraska's words.
    const exported = await fetch(`${server.url}/api/boards/${board('La Mitis').id}/export.json`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    const mitis = (await exported.json()) as { shapes: { type: string; text?: string }[] };
    const mitisNotes = mitis.shapes.filter((s) => s.type === 'note');
    expect(mitisNotes.map((s) => s.text)).toEqual(['', '', '', '']);
    // « Les incontournables » count each idea once, for Kamouraska only.
    const compiled = await fetch(`${server.url}/api/forums/${forum.forum.id}/compilation`, {
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
    });
    const { items } = (await compiled.json()) as {
      items: { text: string; count: number; territories: string[] }[];
    };
    expect(items.map((i) => [i.text, i.count, i.territories]).sort()).toEqual(
      IDEAS.map((text) => [text, 1, ['Kamouraska']]).sort(),
    );
  });
});

describe('« Copier vers… » when a board is full (R30)', () => {
  let forum: CreatedForum;
  const board = (territory: string) => forum.boards.find((b) => b.title.endsWith(territory))!;
  const importInto = async (boardId: string, file: unknown) => {
    const answer = await fetch(`${server.url}/api/boards/${boardId}/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${forum.facilitator.token}` },
      body: JSON.stringify(file),
    });
    if (answer.status !== 200) throw new Error(`import → ${answer.status}`);
  };

  beforeAll(async () => {
    forum = await createForum(server, {
      territories: ['Témiscouata', 'Rimouski-Neigette', 'La Mitis'],
      templates: false,
    });
    await importInto(board('Témiscouata').id, PREPARED);
    // La Mitis already holds long notes: the copy would take it past the limit.
    const long = (id: string, x: number, text: string) => ({
      ...PREPARED.shapes[1],
      id,
      x,
      parentId: null,
      text,
    });
    await importInto(board('La Mitis').id, {
      ...PREPARED,
      shapes: [
        long('shape:note00000000000000000011', 0, 'Financement récurrent '.repeat(450)),
        long('shape:note00000000000000000012', 300, 'Balises claires '.repeat(600)),
        long('shape:note00000000000000000013', 600, 'Permettre l’expérimentation '.repeat(300)),
      ],
    });
  });

  it('copies to the others and says in plain French which board was full', async () => {
    // The facilitator's laptop above, on this second forum's page.
    const page = facilitator.page;
    await page.goto(`${server.url}/f/${forum.forum.id}#token=${forum.facilitator.token}`);
    await page
      .locator(`tr[data-board-id="${board('Témiscouata').id}"]`)
      .getByRole('button', { name: 'Copier vers…' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Rimouski-Neigette' }).check();
    await dialog.getByRole('checkbox', { name: 'La Mitis' }).check();
    await dialog.getByRole('button', { name: 'Copier sur 2 tableaux' }).click();
    const summary = dialog.getByRole('status');
    await summary.filter({ hasText: 'Copié sur 1 tableau' }).waitFor();
    expect(await summary.locator('li').allTextContents()).toEqual([
      `Pas copié sur La Mitis${NBSP}: ce tableau est plein, rien n’y a été ajouté. ` +
        'Supprimez des éléments, puis réessayez.',
    ]);
  });
});
