// A carton in Polish and Vietnamese (« Łódź », « Nguyễn ») exported from the « Exporter /
// Importer » menu is drawn in the typeface. The page draws with the latin faces and fetches
// latin-ext only once some text needs it (shapes/common/loadFonts.ts), so the PNG and the PDF
// (both drawn by export/raster.tsx on an offscreen canvas) must wait for that face: here it is
// held on its way until « Télécharger » is pressed and the page has gone idle, and the picture
// drawn then must be the very one drawn again once the face is surely there (a fallback font
// draws « Łódź » otherwise, and the picture differs). The SVG embeds the whole TTF, which must hold the names' characters.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { PNG } from 'pngjs';
import { localOrigin } from '@carton/board';
// The TTF reader of @carton/render, which the tests' package does not depend on.
import { parseFontMetrics } from '../../packages/render/src/font/ttf.ts';
import { savedDownload } from '../support/browser';
import { SHOTS } from '../support/server';
import { createTerritoryBoard, openBoard, serverAndBrowser, waitForShapes } from './fixtures';
import type { BoardLinks } from './fixtures';
import { connectSeedClient } from './seed';
import { exportDialog, openExportMenu } from './export-dialog';

const TITLE = 'Rencontre de Łódź';
const NAMES = ['Łódź', 'Nguyễn Thị Ánh'];
/** Typeface characters that only latin-ext has, in both weights (title bold, notes regular). */
const EXT = 'Łź';

declare global {
  interface Window {
    __encodedWithExt?: boolean[];
  }
}

interface HeldPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Lets the latin-ext faces through, now and from then on. */
  readonly release: () => void;
}

/** Whether both weights of the typeface are loaded for the latin-ext characters. */
function extLoaded(page: Page): Promise<boolean> {
  return page.evaluate((text) => {
    return ['400', '700'].every((weight) =>
      document.fonts.check(`${weight} 16px "Atkinson Hyperlegible"`, text),
    );
  }, EXT);
}

/** Presses « Télécharger », then awaits `pressed` (before the file comes), and reads the file. */
async function download(page: Page, pressed: () => Promise<void> = async () => undefined) {
  const file = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Télécharger' }).click();
  await pressed();
  return readFileSync(await savedDownload(await file));
}

/** The JPEG a poster PDF holds (pdf-lib embeds it as is, DCTDecode). */
function jpegOf(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const header = /\/Filter \/DCTDecode[^>]*?\/Length (\d+)[^>]*>>\s*stream\r?\n/.exec(text);
  if (!header) throw new Error('no JPEG in the PDF');
  const start = header.index + header[0].length;
  return pdf.subarray(start, start + Number(header[1]));
}

describe('export of a carton with names beyond French', () => {
  const base = serverAndBrowser();
  let board: BoardLinks;
  let total = 0;
  let seeded: { close: () => void } | null = null;

  beforeAll(async () => {
    board = await createTerritoryBoard(base.server, 'Kamouraska');
    // Another participant writes the carton (a stock y-websocket client).
    const client = await connectSeedClient(base.server.syncUrl, board.id, board.edit.token);
    seeded = client;
    client.board.run((tx) => {
      const carton = tx.create('carton', { x: 0, y: 0, w: 520, h: 300, title: TITLE });
      NAMES.forEach((text, i) =>
        tx.create('note', {
          x: 20 + i * 250,
          y: 80,
          w: 200,
          h: 200,
          color: 'yellow',
          parentId: carton,
          text,
        }),
      );
    }, localOrigin('user:seed'));
    total = 1 + NAMES.length;
  });

  afterAll(() => {
    seeded?.close();
  });

  /**
   * A participant on the board whose latin-ext faces are held until `release`: the board is
   * drawn (with a fallback for those characters) and the typeface's latin-ext is not there.
   */
  async function heldPage(): Promise<HeldPage> {
    const context = await base.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'fr-CA',
      // A service worker would fetch the faces past the route.
      serviceWorkers: 'block',
    });
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Mathilde'));
    // Whether latin-ext was there each time the page encoded a canvas (the PNG, the PDF's JPEG).
    await context.addInitScript((text) => {
      const encode = HTMLCanvasElement.prototype.toBlob;
      const seen: boolean[] = [];
      window.__encodedWithExt = seen;
      HTMLCanvasElement.prototype.toBlob = function (this: HTMLCanvasElement, ...args) {
        seen.push(
          ['400', '700'].every((weight) =>
            document.fonts.check(`${weight} 16px "Atkinson Hyperlegible"`, text),
          ),
        );
        return encode.apply(this, args);
      };
    }, EXT);
    // Routing also turns the HTTP cache off: each page fetches the faces anew.
    const held: Route[] = [];
    let open = false;
    await context.route(/\/assets\/atkinson-hyperlegible-latin-ext-[^/]*\.woff2$/, (route) => {
      if (open) void route.continue().catch(() => undefined);
      else held.push(route);
    });
    const release = () => {
      open = true;
      for (const route of held.splice(0)) void route.continue().catch(() => undefined);
    };
    const page = await context.newPage();
    await openBoard(page, board.edit.url);
    await waitForShapes(page, `(s) => s.length === ${total}`);
    await page.locator('.konvajs-content canvas').first().waitFor();
    return { context, page, release };
  }

  /** The carton's export in `format` drawn with latin-ext held until « Télécharger », then again. */
  async function heldThenLoaded(
    format: 'Image PNG' | 'Carton en PDF (affiche)',
  ): Promise<{ held: Buffer; loaded: Buffer; encoded: boolean[] }> {
    const { context, page, release } = await heldPage();
    try {
      await openExportMenu(page);
      await page.getByLabel(format).check();
      if (format === 'Image PNG') {
        await exportDialog(page).getByLabel('Contenu').selectOption('carton');
        await page.getByLabel('Échelle').selectOption('1');
      }
      await page.getByLabel('Carton', { exact: true }).selectOption({ label: TITLE });
      // The face is not there when the export starts.
      expect(await extLoaded(page)).toBe(false);
      // The face is let through once the page is idle after the press: an export that waits for
      // it is then waiting, one that does not has drawn already (drawing is work, not idleness).
      const held = await download(page, async () => {
        await page.evaluate(
          () => new Promise<void>((resolve) => requestIdleCallback(() => resolve())),
        );
        release();
      });
      const encoded = await page.evaluate(() => window.__encodedWithExt ?? []);
      await expect.poll(() => extLoaded(page), { timeout: 15_000 }).toBe(true);
      const loaded = await download(page);
      return { held, loaded, encoded };
    } finally {
      await context.close();
    }
  }

  it('PNG: drawn in the typeface even when latin-ext was not there yet', async () => {
    const { held, loaded, encoded } = await heldThenLoaded('Image PNG');
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, 'export-latin-ext.png'), held);
    const first = PNG.sync.read(held);
    const again = PNG.sync.read(loaded);
    // Carton 520 × 300 (+8 shadow), padded 40.
    expect([first.width, first.height]).toEqual([608, 388]);
    expect([again.width, again.height]).toEqual([first.width, first.height]);
    let differ = 0;
    for (let at = 0; at < first.data.length; at += 4) {
      if (first.data.readUInt32BE(at) !== again.data.readUInt32BE(at)) differ++;
    }
    expect(differ).toBe(0);
    // When the picture was encoded, both weights of latin-ext were there.
    expect(encoded).toEqual([true]);
  });

  it('PDF: its picture is drawn in the typeface even when latin-ext was not there yet', async () => {
    const { held, loaded, encoded } = await heldThenLoaded('Carton en PDF (affiche)');
    expect(held.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const first = jpegOf(held);
    expect(first.length).toBeGreaterThan(1000);
    // The same pixels give the same JPEG.
    expect(first.equals(jpegOf(loaded))).toBe(true);
    expect(encoded).toEqual([true]);
  });

  it('SVG: the names are set in the typeface it embeds, which holds their characters', async () => {
    const context = await base.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'fr-CA',
      serviceWorkers: 'block',
    });
    try {
      await context.addInitScript(() => localStorage.setItem('carton.name', 'Mathilde'));
      const page = await context.newPage();
      await openBoard(page, board.edit.url);
      await waitForShapes(page, `(s) => s.length === ${total}`);
      await openExportMenu(page);
      await page.getByLabel('Carton en SVG').check();
      await page.getByLabel('Carton', { exact: true }).selectOption({ label: TITLE });
      const svg = (await download(page)).toString('utf8');
      for (const text of [TITLE, ...NAMES]) {
        for (const word of text.split(' ')) expect(svg.includes(word), word).toBe(true);
      }
      // The whole picture is set in the typeface (a fallback named after it, for ễ).
      expect(/^<svg[^>]* font-family="'Atkinson Hyperlegible',/.test(svg)).toBe(true);
      const faces = [
        ...svg.matchAll(/font-weight:(\d+);[^}]*url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/g),
      ];
      expect(faces.map((face) => face[1])).toEqual(['400', '700']);
      const characters = [...new Set([...TITLE, ...NAMES.join('')])].filter((c) => c !== ' ');
      for (const face of faces) {
        const font = parseFontMetrics(new Uint8Array(Buffer.from(face[2]!, 'base64')));
        const missing = characters.filter((c) => !font.has(c.codePointAt(0)!));
        // « ễ » and « ị » (Vietnamese) are in no face of the typeface, TTF included: the SVG and
        // the pictures draw them with the reader's fallback font, as the board does.
        expect(missing).toEqual(['ễ', 'ị']);
      }
    } finally {
      await context.close();
    }
  });
});
