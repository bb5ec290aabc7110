// The typeface in pieces (apps/web/src/shapes/common/loadFonts.ts): a board link's first frame
// waits for the latin subsets of Atkinson Hyperlegible (2 × 17 KB WOFF2, all of French) and for no
// whole TTF (2 × 26 KB brotli'd); a note in Polish (« Łódź ») fetches latin-ext once shown and is
// then measured and drawn in the typeface again (fontsArrived.ts). The subsets measure text
// exactly as the TTF did, here in Chromium's headless shell too, which rounds each advance from
// the font's hinting (an unhinted subset measured bold text up to 17 % wider).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/server';
import {
  addNote,
  createForum,
  onProjector,
  openBoard,
  serverAndBrowser,
  territoryBoard,
} from './fixtures';
import type { BoardLinks, CreatedForum } from './fixtures';

const WEB_DIR = process.env.CARTON_WEB_DIR ?? join(REPO_ROOT, 'apps/web/dist');
const asset = (pattern: RegExp): string => {
  const name = readdirSync(join(WEB_DIR, 'assets')).find((file) => pattern.test(file));
  if (!name) throw new Error(`no ${pattern} in ${WEB_DIR}/assets`);
  return `/assets/${name}`;
};

const FRENCH = [
  'Se loger, se nourrir : des droits !',
  '« Rien sur nous sans nous »',
  'L’accès au transport collectif en région, œuvre commune',
  'Coût du panier d’épicerie : 250 € ; trop cher ?',
  'Déjà… ÇA SUFFIT ! Être écouté·e, ï, û, ÿ',
];

describe('the typeface’s subsets', () => {
  const base = serverAndBrowser();
  let forum: CreatedForum;
  let board: BoardLinks;

  beforeAll(async () => {
    // A territory board from the seed's templates: French titles and notes.
    forum = await createForum(base.server, { territories: ['Kamouraska'] });
    board = territoryBoard(forum);
  });

  const newPage = async () => {
    const context = await base.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'fr-CA',
      serviceWorkers: 'block',
    });
    await context.addInitScript(() => localStorage.setItem('carton.name', 'Mathilde'));
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (/\.(woff2?|ttf)$/.test(path)) requested.push(path);
    });
    return { context, page, requested };
  };

  it('draws the first frame of a French board after the latin subsets only, no TTF', async () => {
    const { context, page, requested } = await newPage();
    try {
      await page.goto(board.edit.url);
      const handle = await page.waitForFunction(
        () =>
          window.__carton &&
          document.querySelector('.konvajs-content canvas') &&
          performance
            .getEntriesByType('resource')
            .map((entry) => new URL(entry.name).pathname)
            .filter((path) => /\.(woff2?|ttf)$/.test(path)),
        null,
        { polling: 'raf', timeout: 30_000 },
      );
      const atFirstFrame = (await handle.jsonValue()) as string[];
      const requestedAtFirstFrame = [...requested];
      const latin = [
        asset(/^atkinson-hyperlegible-latin-400-[^.]*\.woff2$/),
        asset(/^atkinson-hyperlegible-latin-700-[^.]*\.woff2$/),
      ];
      expect(atFirstFrame.sort()).toEqual(latin.sort());
      expect(requestedAtFirstFrame.sort()).toEqual(latin.sort());
      // The seed's French, drawn and measured: still nothing more fetched.
      await page.waitForFunction(() => window.__carton?.status() === 'connected');
      await page.evaluate(() => document.fonts.ready);
      expect([...requested].sort()).toEqual(latin.sort());
      // Served as fonts, kept a year like the other hashed files, never compressed again.
      for (const file of latin) {
        const response = await fetch(`${base.server.url}${file}`, {
          headers: { 'Accept-Encoding': 'br, gzip' },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('font/woff2');
        expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(response.headers.get('content-encoding')).toBeNull();
      }
    } finally {
      await context.close();
    }
  });

  it('measures French exactly as the whole TTF did, both weights', async () => {
    const { context, page } = await newPage();
    try {
      await openBoard(page, board.edit.url);
      const ttf = {
        regular: asset(/^AtkinsonHyperlegible_400Regular-.*\.ttf$/),
        bold: asset(/^AtkinsonHyperlegible_700Bold-.*\.ttf$/),
      };
      const widths = await page.evaluate(
        async ({ ttf, texts }) => {
          const faces = [
            new FontFace('Whole TTF', `url(${ttf.regular})`, { weight: '400' }),
            new FontFace('Whole TTF', `url(${ttf.bold})`, { weight: '700' }),
          ];
          for (const face of faces) document.fonts.add(await face.load());
          await document.fonts.load('400 16px "Atkinson Hyperlegible"', texts.join(''));
          await document.fonts.load('700 16px "Atkinson Hyperlegible"', texts.join(''));
          const context = document.createElement('canvas').getContext('2d')!;
          const measure = (font: string, text: string) => {
            context.font = font;
            return context.measureText(text).width;
          };
          return texts.flatMap((text) =>
            ['400', '700'].flatMap((weight) =>
              [13, 24, 36].map((size) => ({
                text,
                subset: measure(`${weight} ${size}px "Atkinson Hyperlegible", serif`, text),
                whole: measure(`${weight} ${size}px "Whole TTF", serif`, text),
                fallback: measure(`${weight} ${size}px serif`, text),
              })),
            ),
          );
        },
        { ttf, texts: [...FRENCH, 'Łódź, Timișoara, Brno ≥ 18 ans'] },
      );
      for (const { subset, whole, fallback } of widths) {
        // The check can fail: the fallback font measures otherwise.
        expect(Math.abs(fallback - whole)).toBeGreaterThan(0.5);
        expect(subset).toBeCloseTo(whole, 3);
      }
    } finally {
      await context.close();
    }
  });

  it('fetches latin-ext for a note in Polish and measures it again in the typeface when it comes', async () => {
    const writer = await newPage();
    let noteId: string;
    try {
      await openBoard(writer.page, board.edit.url);
      noteId = await addNote(writer.page, 200, 600, 'Łódź');
    } finally {
      await writer.context.close();
    }
    const { context, page, requested } = await newPage();
    try {
      await openBoard(page, board.edit.url);
      const ext = [
        asset(/^atkinson-hyperlegible-latin-ext-400-[^.]*\.woff2$/),
        asset(/^atkinson-hyperlegible-latin-ext-700-[^.]*\.woff2$/),
      ];
      // Both weights of latin-ext come, loaded in the document's faces.
      await expect
        .poll(
          () => page.evaluate(() => document.fonts.check('400 16px "Atkinson Hyperlegible"', 'Łź')),
          {
            timeout: 15_000,
          },
        )
        .toBe(true);
      await expect
        .poll(async () => ext.every((file) => requested.includes(file)), { timeout: 15_000 })
        .toBe(true);
      expect(requested.some((file) => file.endsWith('.ttf'))).toBe(false);
      // The note's Konva text, measured again with the typeface: its line's width is the whole
      // TTF's for the same text, size and weight.
      const ttf = asset(/^AtkinsonHyperlegible_400Regular-.*\.ttf$/);
      await expect
        .poll(
          () =>
            page.evaluate(
              async ({ ttf, id }) => {
                // (document.fonts.check says true for a family it has no face of.)
                if (![...document.fonts].some((face) => face.family.includes('Whole TTF'))) {
                  document.fonts.add(await new FontFace('Whole TTF', `url(${ttf})`).load());
                }
                type TextNode = {
                  text(): string;
                  fontSize(): number;
                  textArr: { text: string; width: number }[];
                  findAncestor(selector: string): unknown;
                };
                const konva = (
                  window as unknown as { Konva: { stages: { find(s: string): TextNode[] }[] } }
                ).Konva;
                const node = konva.stages
                  .flatMap((stage) => stage.find('Text'))
                  .find((text) => text.text().includes('Łódź'));
                if (!node) return 'no Konva text « Łódź »';
                const context = document.createElement('canvas').getContext('2d')!;
                context.font = `${node.fontSize()}px "Whole TTF"`;
                const expected = context.measureText('Łódź').width;
                const drawn = node.textArr[0]?.width ?? 0;
                return Math.abs(drawn - expected) < 0.01
                  ? 'typeface'
                  : `${drawn} ≠ ${expected} (${id})`;
              },
              { ttf, id: noteId },
            ),
          { timeout: 15_000 },
        )
        .toBe('typeface');
    } finally {
      await context.close();
    }
  });
  it('lets the projector wrap text without fetching the whole TTFs', async () => {
    await onProjector(base.browser, base.server, forum, {}, async (page) => {
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.reload();
      await page.locator('main.projector .projector-footer').waitFor({ timeout: 15_000 });
      await page.locator('main.projector svg text').first().waitFor({ timeout: 15_000 });
      // Only subsets: the latin ones, and latin-ext's when a tile draws the « Łódź » note the
      // case above wrote (whether it is drawn yet when the first text shows varies).
      const fonts = requested.filter((path) => /\.(woff2?|ttf)$/.test(path));
      expect(fonts.filter((path) => path.endsWith('.ttf'))).toEqual([]);
      expect(fonts).toEqual(
        expect.arrayContaining([
          asset(/^atkinson-hyperlegible-latin-400-[^.]*\.woff2$/),
          asset(/^atkinson-hyperlegible-latin-700-[^.]*\.woff2$/),
        ]),
      );
      for (const path of fonts) {
        expect(path).toMatch(/\/atkinson-hyperlegible-latin(-ext)?-[47]00-[^.]*\.woff2$/);
      }
    });
  });
});
