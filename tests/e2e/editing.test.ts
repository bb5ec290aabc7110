// One participant's editing gestures in the real client: marquee, duplicate, delete, resize
// with aspect kept, cartons that carry what is dropped in them, arrows that follow, and
// copy/paste to another board through the clipboard.
// Imports from the « Exporter / Importer » menu in real Chromium: a hand-made CSV (Windows-1252,
// semicolons, accents) becomes the expected notes; a hand-made .excalidraw becomes the expected
// shapes; a Carton board file is added in one step; bad files show a French message naming
// what is wrong (and where) and change nothing; Ctrl+Z takes a whole import back.
// Émilie opens a blank board of its own for each (they were two files, each with its server, a
// browser and a context).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { BoardFile, Shape } from '@carton/board';
import { savedDownload } from '../support/browser';
import { REPO_ROOT } from '../support/server';
import {
  createTerritoryBoard,
  drag,
  openBoard,
  shapes,
  toScreen,
  waitForShapes,
  type BoardLinks,
} from './fixtures';
import { participantsOnFreshBoards } from './fresh-boards';
import { openExportMenu } from './export-dialog';

const { freshBoard } = participantsOnFreshBoards({ a: 'Émilie' });

const byId = (list: Shape[], id: string) => list.find((s) => s.id === id);

describe('editing gestures', () => {
  const suite = freshBoard('Rimouski-Neigette');
  let other: BoardLinks;

  beforeAll(async () => {
    other = await createTerritoryBoard(suite.server, 'La Matanie');
  });

  it('marquee selects, Ctrl+D duplicates, Delete removes', async () => {
    const page = suite.a.page;
    await page.keyboard.press('n');
    await page.mouse.click(300, 300);
    await page.keyboard.press('n');
    await page.mouse.click(600, 300);
    await waitForShapes(page, '(s) => s.length === 2');
    await page.keyboard.press('Escape');
    await drag(page, { x: 120, y: 120 }, { x: 760, y: 460 }, 8);
    expect(await page.evaluate(() => window.__carton!.selection().length)).toBe(2);
    await page.keyboard.press('Control+d');
    const four = await waitForShapes(page, '(s) => s.length === 4');
    const copies = await page.evaluate(() => window.__carton!.selection());
    expect(copies).toHaveLength(2);
    expect(four.filter((s) => copies.includes(s.id)).every((s) => s.type === 'note')).toBe(true);
    await page.keyboard.press('Delete');
    await waitForShapes(page, '(s) => s.length === 2');
  });

  it('resizing a note by its corner keeps it square', async () => {
    const page = suite.a.page;
    const [note] = (await shapes(page)).filter((s) => s.x < 400);
    expect(note?.type).toBe('note');
    if (note?.type !== 'note') return;
    const centre = await toScreen(page, note.x + 100, note.y + 100);
    await page.mouse.click(centre.x, centre.y);
    const corner = await toScreen(page, note.x + note.w, note.y + note.h);
    await drag(page, corner, { x: corner.x + 100, y: corner.y + 30 }, 8);
    const after = await waitForShapes(
      page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(note.id)} && x.w !== 200)`,
    );
    const resized = byId(after, note.id);
    expect(resized?.type === 'note' && resized.w).toBeCloseTo(300, 0);
    expect(resized?.type === 'note' && resized.h).toBeCloseTo(300, 0);
    // One gesture, one undo step.
    await page.keyboard.press('Control+z');
    await waitForShapes(
      page,
      `(s) => s.some((x) => x.id === ${JSON.stringify(note.id)} && x.w === 200 && x.h === 200)`,
    );
  });

  it('a carton carries what is dropped in it, and lets go of what is dragged out', async () => {
    const page = suite.a.page;
    await page.keyboard.press('c');
    await drag(page, { x: 800, y: 120 }, { x: 1240, y: 700 }, 8);
    await page.locator('textarea.text-editor').waitFor();
    await page.keyboard.type('Rimouski-Neigette');
    await page.keyboard.press('Enter');
    const list = await waitForShapes(
      page,
      '(s) => s.some((x) => x.type === "carton" && x.title === "Rimouski-Neigette")',
    );
    const carton = list.find((s) => s.type === 'carton')!;
    const note = list.find((s) => s.type === 'note' && s.x > 400)!;

    // Drop the note inside the carton.
    await drag(page, await toScreen(page, note.x + 100, note.y + 100), { x: 1020, y: 420 }, 8);
    await waitForShapes(
      page,
      `(s) => s.find((x) => x.id === ${JSON.stringify(note.id)})?.parentId === ${JSON.stringify(carton.id)}`,
    );
    const inside = byId(await shapes(page), note.id)!;

    // Move the carton by its title band: the note moves with it.
    await drag(
      page,
      await toScreen(page, carton.x + 60, carton.y + 30),
      await toScreen(page, carton.x + 60, carton.y + 80),
      8,
    );
    const moved = await waitForShapes(
      page,
      `(s) => s.find((x) => x.id === ${JSON.stringify(carton.id)})?.y > ${carton.y + 40}`,
    );
    // The drag may snap a few pixels to a neighbour's edge; the note follows by the same amount.
    const dy = byId(moved, carton.id)!.y - carton.y;
    expect(Math.abs(dy - 50)).toBeLessThanOrEqual(6);
    expect(byId(moved, note.id)?.y).toBeCloseTo(inside.y + dy, 6);
    // The carton is drawn under what it holds.
    const order = moved.map((s) => s.id);
    expect(order.indexOf(carton.id)).toBeLessThan(order.indexOf(note.id));

    // Drag the note out: it leaves the carton.
    await drag(page, await toScreen(page, inside.x + 100, inside.y + 150), { x: 500, y: 650 }, 8);
    await waitForShapes(
      page,
      `(s) => s.find((x) => x.id === ${JSON.stringify(note.id)})?.parentId === null`,
    );
  });

  it('an arrow dropped on two notes follows them', async () => {
    const page = suite.a.page;
    const notes = (await shapes(page)).filter((s) => s.type === 'note');
    const [n1, n2] = notes as [Shape & { w: number; h: number }, Shape & { w: number; h: number }];
    await page.keyboard.press('a');
    await drag(
      page,
      await toScreen(page, n1.x + n1.w / 2, n1.y + n1.h / 2),
      await toScreen(page, n2.x + n2.w / 2, n2.y + n2.h / 2),
      8,
    );
    const list = await waitForShapes(page, '(s) => s.some((x) => x.type === "arrow")');
    const arrow = list.find((s) => s.type === 'arrow');
    expect(
      arrow?.type === 'arrow' && [arrow.startBinding?.shapeId, arrow.endBinding?.shapeId],
    ).toEqual([n1.id, n2.id]);
    if (arrow?.type !== 'arrow') return;
    const endBefore = { x: arrow.x + arrow.end.x, y: arrow.y + arrow.end.y };
    await page.keyboard.press('Escape');
    await drag(
      page,
      await toScreen(page, n2.x + 20, n2.y + 20),
      await toScreen(page, n2.x + 20, n2.y + 140),
      8,
    );
    const after = await waitForShapes(
      page,
      `(s) => s.find((x) => x.id === ${JSON.stringify(n2.id)})?.y === ${n2.y + 120}`,
    );
    const followed = byId(after, arrow.id);
    expect(followed?.type === 'arrow' && followed.y + followed.end.y).toBeCloseTo(
      endBefore.y + 120,
      0,
    );
  });

  it('copy on one board, paste on another (clipboard as JSON text)', async () => {
    const page = suite.a.page;
    const note = (await shapes(page)).find((s) => s.type === 'note')!;
    await page.keyboard.press('Escape');
    await page.mouse.click(
      ...(Object.values(await toScreen(page, note.x + 30, note.y + 30)) as [number, number]),
    );
    await page.keyboard.press('Control+c');
    const second = await suite.a.context.newPage();
    await openBoard(second, other.edit.url);
    await second.bringToFront();
    await second.mouse.click(640, 400);
    await second.keyboard.press('Control+v');
    const pasted = await waitForShapes(second, '(s) => s.length === 1');
    expect(pasted[0]?.type).toBe('note');
    expect(pasted[0]?.id).not.toBe(note.id);
    await second.close();
  });
});

const NBSP = '\u00a0';

/** Windows-1252, by hand: Latin-1 plus the few letters and marks French needs above 0x80. */
function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { '’': 0x92, œ: 0x9c, Œ: 0x8c, '…': 0x85, '–': 0x96 };
  return Buffer.from(
    [...text].map((ch) => {
      const code = ch.codePointAt(0)!;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      const mapped = extra[ch];
      if (mapped === undefined) throw new Error(`not in Windows-1252: ${ch}`);
      return mapped;
    }),
  );
}

function element(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    angle: 0,
    strokeColor: '#1e1e1e',
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: 2,
    strokeStyle: 'solid',
    roughness: 1,
    opacity: 100,
    groupIds: [],
    frameId: null,
    roundness: null,
    seed: 1,
    version: 1,
    versionNonce: 1,
    isDeleted: false,
    boundElements: null,
    updated: 1698765432000,
    link: null,
    locked: false,
    ...fields,
  };
}

const EXCALIDRAW = JSON.stringify({
  type: 'excalidraw',
  version: 2,
  source: 'https://excalidraw.com',
  elements: [
    element({ id: 'r1', type: 'rectangle', x: 100, y: 100, width: 240, height: 140 }),
    element({
      id: 'e1',
      type: 'ellipse',
      x: 500,
      y: 100,
      width: 200,
      height: 140,
      backgroundColor: '#ffec99',
    }),
    element({
      id: 't1',
      type: 'text',
      x: 100,
      y: 20,
      width: 400,
      height: 35,
      text: 'Pistes d’action',
      originalText: 'Pistes d’action',
      fontSize: 28,
      fontFamily: 1,
      textAlign: 'left',
      verticalAlign: 'top',
      containerId: null,
      lineHeight: 1.25,
    }),
    element({
      id: 'a1',
      type: 'arrow',
      x: 345,
      y: 170,
      width: 150,
      height: 0,
      points: [
        [0, 0],
        [150, 0],
      ],
      lastCommittedPoint: null,
      startBinding: { elementId: 'r1', focus: 0, gap: 5 },
      endBinding: { elementId: 'e1', focus: 0, gap: 5 },
      startArrowhead: null,
      endArrowhead: 'arrow',
    }),
  ],
  appState: { viewBackgroundColor: '#ffffff' },
  files: {},
});

const CSV = windows1252(
  [
    'Texte;Couleur',
    'Financement systémique;bleu',
    'Pouvoir développer de manière collective;vert',
    '"Avoir de l’aide en main-d’œuvre; intervenant·es";rose',
    '',
  ].join('\r\n'),
);

async function choose(page: Page, label: string, name: string, buffer: Buffer): Promise<void> {
  await openExportMenu(page);
  await page
    .getByLabel(label)
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

async function downloadJson(page: Page): Promise<Buffer> {
  await openExportMenu(page);
  await page.getByLabel('Tableau complet (JSON)').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Télécharger' }).click(),
  ]);
  return readFileSync(await savedDownload(download));
}

/** Closes the menu and presses Ctrl+Z on the canvas. */
async function undoOnce(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('.canvas').focus();
  await page.keyboard.press('Control+z');
}

describe('import', () => {
  const suite = freshBoard('Les Basques');
  let before = 0;

  beforeAll(async () => {
    const { server, board } = suite;
    const response = await fetch(`${server.url}/api/boards/${board.id}/export.json`, {
      headers: { Authorization: `Bearer ${board.edit.token}` },
    });
    before = ((await response.json()) as BoardFile).shapes.length;
    await waitForShapes(suite.a.page, `(s) => s.length === ${before}`);
  });

  it('a Windows-1252 CSV with semicolons becomes notes; Ctrl+Z removes them in one step', async () => {
    const { page } = suite.a;
    await choose(page, 'Notes depuis un tableur (.csv)', 'idees.csv', CSV);
    await page.getByRole('status').filter({ hasText: '3 formes ajoutées au tableau.' }).waitFor();
    const after = await waitForShapes(page, `(s) => s.length === ${before + 3}`);
    const notes = after
      .filter((s) => s.type === 'note' && s.text !== '')
      .map((s) => (s.type === 'note' ? [s.text, s.color] : []));
    expect(notes).toEqual(
      expect.arrayContaining([
        ['Financement systémique', 'blue'],
        ['Pouvoir développer de manière collective', 'green'],
        ['Avoir de l’aide en main-d’œuvre; intervenant·es', 'pink'],
      ]),
    );
    await undoOnce(page);
    await waitForShapes(page, `(s) => s.length === ${before}`);
  });

  it('a hand-made .excalidraw becomes a rectangle, an ellipse, a text and a bound arrow', async () => {
    const { page } = suite.a;
    const start = await shapes(page);
    const old = new Set(start.map((s) => s.id));
    await choose(
      page,
      'Dessin Excalidraw (.excalidraw)',
      'pistes.excalidraw',
      Buffer.from(EXCALIDRAW),
    );
    await page.getByRole('status').filter({ hasText: '4 formes ajoutées au tableau.' }).waitFor();
    const after = await waitForShapes(page, `(s) => s.length === ${start.length + 4}`);
    const added = after.filter((s) => !old.has(s.id));
    expect(added.map((s) => s.type).sort()).toEqual(['arrow', 'ellipse', 'rect', 'text']);
    const rect = added.find((s) => s.type === 'rect')!;
    const ellipse = added.find((s) => s.type === 'ellipse')!;
    const arrow = added.find((s) => s.type === 'arrow');
    expect(arrow?.type === 'arrow' && arrow.startBinding?.shapeId).toBe(rect.id);
    expect(arrow?.type === 'arrow' && arrow.endBinding?.shapeId).toBe(ellipse.id);
    // Placed as drawn, relative to each other.
    expect(ellipse.x - rect.x).toBe(400);
    await undoOnce(page);
    await waitForShapes(page, `(s) => s.length === ${start.length}`);
  });

  it('a Carton board file is added to this board in one step, at new ids', async () => {
    const { page } = suite.a;
    // Something of our own on the board (whatever its template), then the board's own JSON
    // export, downloaded from the menu, goes back in.
    const start = (await shapes(page)).length;
    await choose(page, 'Notes depuis un tableur (.csv)', 'idees.csv', CSV);
    await waitForShapes(page, `(s) => s.length === ${start + 3}`);
    const file = await downloadJson(page);
    const ids = new Set((await shapes(page)).map((s) => s.id));
    const fileShapes = (JSON.parse(file.toString('utf8')) as BoardFile).shapes.length;
    await choose(page, 'Fichier Carton (.json)', 'tableau.json', file);
    await page
      .getByRole('status')
      .filter({ hasText: `${fileShapes} formes ajoutées au tableau.` })
      .waitFor();
    const after = await waitForShapes(page, `(s) => s.length === ${ids.size + fileShapes}`);
    expect(after.filter((s) => ids.has(s.id))).toHaveLength(ids.size);
    await undoOnce(page);
    const back = await waitForShapes(page, `(s) => s.length === ${ids.size}`);
    expect(back.every((s) => ids.has(s.id))).toBe(true);
  });

  it('bad files show a French message and change nothing', async () => {
    const { page } = suite.a;
    // A valid file to spoil: this board with three notes of our own.
    const count = (await shapes(page)).length;
    await choose(page, 'Notes depuis un tableur (.csv)', 'idees.csv', CSV);
    await waitForShapes(page, `(s) => s.length === ${count + 3}`);
    const good = JSON.parse((await downloadJson(page)).toString('utf8')) as BoardFile & {
      shapes: Record<string, unknown>[];
    };
    expect(good.shapes.length).toBeGreaterThan(0);
    const cases: [label: string, name: string, bytes: Buffer, message: string][] = [
      [
        'Fichier Carton (.json)',
        'casse.json',
        Buffer.from('{"format": "carton-board", "version": 1, "meta": '),
        'Ce fichier n’est pas du JSON valide.',
      ],
      [
        'Fichier Carton (.json)',
        'autre.json',
        Buffer.from(JSON.stringify({ type: 'excalidraw', elements: [] })),
        'Ce fichier JSON n’est pas un tableau Carton.',
      ],
      [
        'Fichier Carton (.json)',
        'futur.json',
        Buffer.from(JSON.stringify({ ...good, version: 99 })),
        'Ce fichier vient d’une version plus récente de Carton',
      ],
      [
        'Fichier Carton (.json)',
        'valeur.json',
        Buffer.from(
          JSON.stringify({
            ...good,
            shapes: [{ ...good.shapes[0], x: 'loin' }, ...good.shapes.slice(1)],
          }),
        ),
        `Une valeur du fichier est manquante ou invalide. (emplacement${NBSP}: shapes[0].x)`,
      ],
      [
        'Notes depuis un tableur (.csv)',
        'guillemet.csv',
        windows1252(
          'Texte;Couleur\r\nFinancement systémique;bleu\r\n"Alléger les critères;jaune\r\n',
        ),
        'Un guillemet ouvert n’est jamais fermé.',
      ],
      ['Notes depuis un tableur (.csv)', 'vide.csv', Buffer.from(''), 'Le fichier est vide'],
      [
        'Notes depuis un tableur (.csv)',
        'enorme.csv',
        Buffer.alloc(5 * 1024 * 1024 + 1, 'Financement systémique;bleu\n'),
        'Le fichier est trop volumineux pour être importé.',
      ],
      [
        'Dessin Excalidraw (.excalidraw)',
        'pas-un-dessin.excalidraw',
        Buffer.from(JSON.stringify({ format: 'carton-board' })),
        'Ce fichier n’est pas un dessin Excalidraw.',
      ],
    ];
    // A board file whose photo is broken: bad base64, or bytes that are no picture at all.
    const photo = {
      id: 'shape:BrokenPhotoOfTheCartonAA',
      type: 'image',
      x: 0,
      y: 0,
      rotation: 0,
      index: 'a0',
      parentId: null,
      blobId: 'photo-carton',
      mime: 'image/png',
      naturalWidth: 320,
      naturalHeight: 200,
      w: 320,
      h: 200,
    };
    const withPhoto = (data: string) =>
      Buffer.from(
        JSON.stringify({
          ...good,
          shapes: [...good.shapes, photo],
          images: { 'photo-carton': { mime: 'image/png', data } },
        }),
      );
    cases.push(
      [
        'Fichier Carton (.json)',
        'photo-illisible.json',
        withPhoto('@@ pas du base64 @@'),
        'Une image intégrée au fichier est illisible.',
      ],
      [
        'Fichier Carton (.json)',
        'photo-texte.json',
        withPhoto(Buffer.from('Conditions présentes, pas une photo').toString('base64')),
        'Type d’image non pris en charge',
      ],
    );
    const start = (await shapes(page)).length;
    for (const [label, name, bytes, message] of cases) {
      await choose(page, label, name, bytes);
      const alert = page.getByRole('alert').filter({ hasText: message });
      await alert.waitFor({ timeout: 5_000 });
      expect(await page.evaluate(() => window.__carton!.shapes().length), name).toBe(start);
    }
    // The menu with the last message, for people to look at.
    mkdirSync(join(REPO_ROOT, 'test-results/screenshots'), { recursive: true });
    await page.screenshot({
      path: join(REPO_ROOT, 'test-results/screenshots/import-error-fr.png'),
    });
  });
});
