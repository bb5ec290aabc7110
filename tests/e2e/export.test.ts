// Export from the « Exporter / Importer » menu in real Chromium: the PNG download is a real
// PNG of the expected size whose pixels show the notes in their colours and no selection
// handles; 2× is twice 1×; the JSON download is complete (images embedded) and re-imports to
// the same board file; the carton SVG embeds its font; the PDF is a real PDF; a view link
// exports but cannot import.
import { readFileSync } from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import {
  BOARD_FILE_VERSION,
  exportBoard,
  importBoard,
  localOrigin,
  type Board,
  type BoardFile,
} from '@carton/board';
import { savedDownload } from '../support/browser';
import { REPO_ROOT, type CartonServer } from '../support/server';
import { boardSuite, openBoard, toScreen, waitForShapes, type BoardLinks } from './fixtures';
import { flyerPng } from './plenary-cartons';
import { connectSeedClient } from './seed';
import { exportDialog, openExportMenu } from './export-dialog';

const OUT = join(REPO_ROOT, 'test-results/exports');
const YELLOW = [0xff, 0xf1, 0x76];
const BLUE = [0xb3, 0xe5, 0xfc];
/** The editor's selection colour (handles and outlines), #1e88e5. */
const SELECTION = [0x1e, 0x88, 0xe5];

/** Writes shapes as another participant would (a stock y-websocket client). */
async function seed(
  server: CartonServer,
  board: BoardLinks,
  blobId: string,
): Promise<{ board: Board; close: () => void }> {
  const client = await connectSeedClient(server.syncUrl, board.id, board.edit.token);
  const board2 = client.board;
  board2.run((tx) => {
    const carton = tx.create('carton', {
      x: 0,
      y: 3000,
      w: 900,
      h: 560,
      title: 'Conditions de succès — Kamouraska',
    });
    tx.create('note', {
      x: 40,
      y: 3110,
      w: 200,
      h: 200,
      color: 'green',
      parentId: carton,
      text: 'Concertation forte entre partenaires, partage des savoirs',
    });
    tx.create('note', {
      x: 280,
      y: 3110,
      w: 200,
      h: 200,
      color: 'pink',
      parentId: carton,
      text: 'Vision réaliste de notre réalité (grand territoire)',
    });
    tx.create('image', {
      x: 520,
      y: 3110,
      w: 320,
      h: 200,
      parentId: carton,
      blobId,
      mime: 'image/png',
      naturalWidth: 320,
      naturalHeight: 200,
    });
    tx.create('note', {
      x: 2000,
      y: 3000,
      w: 200,
      h: 200,
      color: 'yellow',
      text: 'Financement systémique',
    });
    tx.create('note', {
      x: 2300,
      y: 3000,
      w: 200,
      h: 200,
      color: 'blue',
      text: 'Pouvoir développer de manière collective',
    });
  }, localOrigin('user:seed'));
  // Kept open until the end: closing now could drop the update before it is sent.
  return client;
}

/** The page's content stream (pdf-lib deflates it), as text. */
function pageContent(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const header = /\/Filter \/FlateDecode\s*\/Length (\d+)\s*>>\s*stream\r?\n/.exec(text);
  if (!header) return text;
  const start = header.index + header[0].length;
  return inflateSync(pdf.subarray(start, start + Number(header[1]))).toString('latin1');
}

function pixel(png: PNG, x: number, y: number): number[] {
  const at = (png.width * y + x) * 4;
  return [png.data[at]!, png.data[at + 1]!, png.data[at + 2]!, png.data[at + 3]!];
}

function near(a: readonly number[], b: readonly number[], tolerance = 3): boolean {
  return b.every((v, i) => Math.abs((a[i] ?? 0) - v) <= tolerance);
}

/** Clicks « Télécharger » and returns the downloaded file's name and bytes. */
async function download(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: 'Télécharger' }).click(),
  ]);
  const path = await savedDownload(file);
  const bytes = readFileSync(path);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, file.suggestedFilename()), bytes);
  return { name: file.suggestedFilename(), bytes };
}

describe('export', () => {
  const suite = boardSuite({ participants: { a: { name: 'Émilie', opens: false } } });
  let photo: Buffer;
  let blobId: string;
  let total = 0;
  let seeded: { board: Board; close: () => void } | null = null;

  beforeAll(async () => {
    // A photo for the carton (a flyer's coloured bands, made here: a screenshot of the home page
    // cost a page load), stored through the API.
    photo = flyerPng(320, 200);
    const uploaded = await fetch(`${suite.server.url}/api/boards/${suite.board.id}/images`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${suite.board.edit.token}`, 'Content-Type': 'image/png' },
      body: new Uint8Array(photo),
    });
    expect(uploaded.status).toBeLessThan(300);
    blobId = ((await uploaded.json()) as { blobId: string }).blobId;
    // The territory board starts with its template (a carton with headings): count it.
    const before = await fetch(`${suite.server.url}/api/boards/${suite.board.id}/export.json`, {
      headers: { Authorization: `Bearer ${suite.board.edit.token}` },
    });
    total = ((await before.json()) as BoardFile).shapes.length + 6;
    seeded = await seed(suite.server, suite.board, blobId);
    await openBoard(suite.a.page, suite.board.edit.url);
    await waitForShapes(suite.a.page, `(s) => s.length === ${total}`);
  });

  afterAll(() => {
    seeded?.close();
  });

  it('PNG of the selection: expected size, the notes’ colours, no handles; 2× is twice 1×', async () => {
    const { page } = suite.a;
    // Select the two loose notes with the select tool, as a participant would.
    const shapes = await waitForShapes(page, '(s) => s.length > 0');
    const yellow = shapes.find((s) => s.type === 'note' && s.text === 'Financement systémique')!;
    const blue = shapes.find((s) => s.type === 'note' && s.color === 'blue' && s.y === 3000)!;
    await page.locator('.canvas').focus();
    await page.keyboard.press('Shift+Digit1');
    await page.waitForFunction(() => window.__carton!.camera().zoom < 1);
    const p1 = await toScreen(page, 2100, 3100);
    const p2 = await toScreen(page, 2400, 3100);
    await page.mouse.click(p1.x, p1.y);
    await page.keyboard.down('Shift');
    await page.mouse.click(p2.x, p2.y);
    await page.keyboard.up('Shift');
    await page.waitForFunction(() => window.__carton!.selection().length === 2);
    expect((await page.evaluate(() => window.__carton!.selection())).sort()).toEqual(
      [yellow.id, blue.id].sort(),
    );

    await openExportMenu(page);
    await page.getByLabel('Image PNG').check();
    expect(await exportDialog(page).getByLabel('Contenu').inputValue()).toBe('selection');
    expect(await page.getByLabel('Échelle').inputValue()).toBe('2');
    await page.getByLabel('Échelle').selectOption('1');
    const one = await download(page);
    expect(one.name).toMatch(
      /^forum-.*-\d{4}-\d{2}-\d{2}\.png$|^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.png$/,
    );
    const png1 = PNG.sync.read(one.bytes);
    // Notes (2000…2200, 2300…2500) × (3000…3200), grown 4 for their shadow, padded 40 on each side.
    expect([png1.width, png1.height]).toEqual([2544 - 1960, 244 + 40]);
    // Board point (2010, 3010) is pixel (50, 50); (2310, 3010) is (350, 50).
    expect(near(pixel(png1, 50, 50), [...YELLOW, 255])).toBe(true);
    expect(near(pixel(png1, 350, 50), [...BLUE, 255])).toBe(true);
    expect(near(pixel(png1, 5, 5), [255, 255, 255, 255])).toBe(true);

    await page.getByLabel('Échelle').selectOption('2');
    const two = await download(page);
    const png2 = PNG.sync.read(two.bytes);
    expect([png2.width, png2.height]).toEqual([png1.width * 2, png1.height * 2]);
    expect(near(pixel(png2, 100, 100), [...YELLOW, 255])).toBe(true);
    expect(near(pixel(png2, 700, 100), [...BLUE, 255])).toBe(true);

    // The selection is still active on the board, yet no pixel has the handles' colour.
    expect(await page.evaluate(() => window.__carton!.selection().length)).toBe(2);
    let handlePixels = 0;
    for (let y = 0; y < png2.height; y++) {
      for (let x = 0; x < png2.width; x++) {
        if (near(pixel(png2, x, y), SELECTION, 24)) handlePixels++;
      }
    }
    expect(handlePixels).toBe(0);

    // Transparent background: the margin is see-through.
    await page.getByLabel('Fond').selectOption('transparent');
    const clear = PNG.sync.read((await download(page)).bytes);
    expect(pixel(clear, 5, 5)[3]).toBe(0);
    expect(near(pixel(clear, 100, 100), [...YELLOW, 255])).toBe(true);
    await page.getByLabel('Fond').selectOption('white');
  });

  it('PNG of one carton shows its notes and its photo', async () => {
    const { page } = suite.a;
    await openExportMenu(page);
    await page.getByLabel('Image PNG').check();
    await exportDialog(page).getByLabel('Contenu').selectOption('carton');
    await page
      .getByLabel('Carton', { exact: true })
      .selectOption({ label: 'Conditions de succès — Kamouraska' });
    await page.getByLabel('Échelle').selectOption('1');
    const file = await download(page);
    expect(file.name).toMatch(/-conditions-de-succes-kamouraska-\d{4}-\d{2}-\d{2}\.png$/);
    const png = PNG.sync.read(file.bytes);
    // Carton 900 × 560 (+8 shadow) at (0, 3000), padded 40: origin (-40, 2960).
    expect([png.width, png.height]).toEqual([988, 648]);
    expect(near(pixel(png, 40 + 50, 40 + 120), [0xc5, 0xe1, 0xa5, 255])).toBe(true);
    expect(near(pixel(png, 40 + 290, 40 + 120), [0xf8, 0xbb, 0xd0, 255])).toBe(true);
    // The photo is drawn (not the grey placeholder): its top-left pixel is the flyer's.
    const source = PNG.sync.read(photo);
    expect(near(pixel(png, 40 + 521, 40 + 111), pixel(source, 1, 1), 12)).toBe(true);
  });

  it('JSON: complete, versioned, pretty, named from the title; re-imports identically', async () => {
    const { page } = suite.a;
    await openExportMenu(page);
    await page.getByLabel('Tableau complet (JSON)').check();
    const file = await download(page);
    expect(file.name).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file.name).not.toMatch(/[^\x20-\x7e]/);
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('{\n  "format": "carton-board"')).toBe(true);
    const parsed = JSON.parse(text) as BoardFile;
    expect(parsed.version).toBe(BOARD_FILE_VERSION);
    expect(parsed.shapes).toHaveLength(total);
    expect(parsed.images?.[blobId]?.mime).toBe('image/png');
    expect(Buffer.from(parsed.images?.[blobId]?.data ?? '', 'base64').equals(photo)).toBe(true);
    // The same board as the server's own export, and an identical file after a round trip.
    const server1 = await fetch(`${suite.server.url}/api/boards/${suite.board.id}/export.json`, {
      headers: { Authorization: `Bearer ${suite.board.edit.token}` },
    });
    const fromServer = (await server1.json()) as BoardFile;
    expect(parsed.shapes).toEqual(fromServer.shapes);
    expect(parsed.meta).toEqual(fromServer.meta);
    // The board's territory travels with it (its row's, not its document's).
    expect(parsed.meta.territory).toBe('Témiscouata');
    const { images: _images, ...withoutImages } = parsed;
    const doc = importBoard(parsed);
    expect(exportBoard(doc, { territory: parsed.meta.territory })).toEqual(withoutImages);
    doc.destroy();
  });

  it('SVG of a carton embeds the font; PDF of a carton is a real poster page', async () => {
    const { page } = suite.a;
    await openExportMenu(page);
    await page.getByLabel('Carton en SVG').check();
    await page
      .getByLabel('Carton', { exact: true })
      .selectOption({ label: 'Conditions de succès — Kamouraska' });
    const svg = await download(page);
    expect(svg.name).toMatch(/-conditions-de-succes-kamouraska-\d{4}-\d{2}-\d{2}\.svg$/);
    const source = svg.bytes.toString('utf8');
    expect(source).toContain('<svg');
    expect(source).toMatch(/@font-face\{font-family:'Atkinson Hyperlegible';font-weight:400/);
    expect(source).toContain('data:font/ttf;base64,');
    expect(source).toContain('data:image/png;base64,');
    expect(source).toContain('Kamouraska');

    await page.getByLabel('Carton en PDF (affiche)').check();
    await page.getByLabel('Format de page').selectOption('tabloid');
    await page.getByLabel('Orientation').selectOption('portrait');
    const pdf = await download(page);
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Tabloid portrait: 11 × 17 in = 792 × 1224 points.
    const pdfText = pdf.bytes.toString('latin1');
    expect(pdfText).toMatch(/\/MediaBox \[ ?0 0 792 1224 ?\]/);
    // The picture is scaled onto the page (a `cm` matrix no wider than the page), not pasted
    // at its pixel size.
    const matrix = /([\d.]+) 0 0 ([\d.]+) 0 0 cm\s+1 0 0 1 0 0 cm\s+\/Image/.exec(
      pageContent(pdf.bytes),
    );
    expect(matrix).not.toBeNull();
    expect(Number(matrix![1])).toBeLessThanOrEqual(792 - 72 + 0.01);
    expect(Number(matrix![1])).toBeGreaterThan(700);
  });

  it('PNG of the whole board at 4×: the scale is lowered to fit the browser, and it says so', async () => {
    const { page } = suite.a;
    // Another participant adds a note far away: the board is then over 30,000 units wide.
    const far = seeded!.board.run(
      (tx) =>
        tx.create('note', {
          x: 30_000,
          y: 3000,
          w: 200,
          h: 200,
          color: 'orange',
          text: 'Plus loin',
        }),
      localOrigin('user:seed'),
    );
    await waitForShapes(page, `(s) => s.length === ${total + 1}`);
    await openExportMenu(page);
    await page.getByLabel('Image PNG').check();
    await exportDialog(page).getByLabel('Contenu').selectOption('board');
    await page.getByLabel('Échelle').selectOption('4');
    const file = await download(page);
    const png = PNG.sync.read(file.bytes);
    // 4× would be 120,000 pixels wide.
    expect(png.width).toBeLessThanOrEqual(16_384);
    expect(png.width).toBeGreaterThan(16_000);
    const note = page.locator('.export-note');
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toMatch(
      /^Image trop grande pour le navigateur\u00a0: l’échelle a été réduite à 0,\d+×/,
    );
    expect(text).toContain(`${png.width} × ${png.height} pixels`);
    seeded!.board.run((tx) => tx.delete([far]), localOrigin('user:seed'));
    await waitForShapes(page, `(s) => s.length === ${total}`);
  });

  it('a view link exports but offers no import', async () => {
    // A second tab of Émilie's browser (a context of its own is not needed to read a view link).
    const viewer = await suite.a.context.newPage();
    try {
      await openBoard(viewer, suite.board.view.url);
      await openExportMenu(viewer);
      expect(await viewer.locator('.export-dialog input[type="file"]').count()).toBe(0);
      await viewer
        .getByText(
          'Lien de consultation : vous pouvez exporter, mais pas importer.'.replace(
            ' :',
            '\u00a0:',
          ),
        )
        .waitFor();
      await viewer.getByLabel('Tableau complet (JSON)').check();
      const file = await download(viewer);
      expect((JSON.parse(file.bytes.toString('utf8')) as BoardFile).shapes).toHaveLength(total);
    } finally {
      await viewer.close();
    }
  });
});
