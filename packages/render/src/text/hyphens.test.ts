// Notes holding the region's hyphenated names (seed: territories, « Accompagne-moi ! ») break
// after a hyphen, so they are fitted by their parts and drawn large, never cut inside a word.
import { describe, expect, it } from 'vitest';
import type { NoteShape } from '@carton/board';
import { measure } from '../font/fonts.ts';
import { loadBundledFonts } from '../node.ts';
import { renderSvg } from '../render.ts';
import { noteFontSize } from '../shapes/boxes.ts';
import {
  fitFontSize,
  keepPunctuationAttached,
  layoutText,
  LINE_HEIGHT,
  wrapText,
  type MeasureWidth,
} from './wrap.ts';

const fonts = loadBundledFonts();
const atkinson: MeasureWidth = (text, size) => measure(fonts.regular, text, size);
// A monospace font: each character is 0.5 em wide.
const mono: MeasureWidth = (text, size) => [...text].length * size * 0.5;
/** The seed's territory notes (plenary-cartons.ts): 220 units, 14 of padding on each side. */
const SEED_NOTE = 220;
const INNER = SEED_NOTE - 28;

/** The size before hyphens broke lines: the largest at which every space-separated word fits. */
function wholeWordSize(text: string, inner: number) {
  const words = keepPunctuationAttached(text).split(/[ \n]+/u);
  let size = 36;
  while (size > 8 && !words.every((word) => atkinson(word, size) <= inner)) size--;
  return size;
}

describe('hyphenated words break after their hyphen', () => {
  it('« Rivière-du-Loup » in a seed note: « Rivière-du- / Loup », larger than before', () => {
    const size = fitFontSize('Rivière-du-Loup', INNER, INNER, atkinson);
    expect(wrapText('Rivière-du-Loup', INNER, size, atkinson)).toEqual(['Rivière-du-', 'Loup']);
    // Whole on one line it could be 27 at most; broken after « du- », the largest size, 36.
    expect(wholeWordSize('Rivière-du-Loup', INNER)).toBe(27);
    expect(size).toBe(36);
  });

  it.each([
    ['Rivière-du-Loup', 120],
    ['Témiscouata-sur-le-Lac', SEED_NOTE],
    ['Bas-Saint-Laurent', 160],
    ['Sainte-Anne-de-la-Pocatière', SEED_NOTE],
    ['Manque de main-d’œuvre', 160],
    ['peut-être', 120],
    ['vis-à-vis', 80],
  ])('« %s » in a %d-unit note: larger, each line ends at a space or a hyphen', (text, note) => {
    const inner = note - 28;
    const size = fitFontSize(text, inner, inner, atkinson);
    const lines = wrapText(keepPunctuationAttached(text), inner, size, atkinson);
    expect(size).toBeGreaterThan(wholeWordSize(text, inner));
    expect(lines.every((line) => atkinson(line, size) <= inner)).toBe(true);
    expect(lines.length * size * LINE_HEIGHT).toBeLessThanOrEqual(inner);
    // Each line is whole words or parts of one up to a hyphen (no cut between two letters).
    const parts = new Set(text.split(/ |(?<=-)/u));
    for (const line of lines) expect(line.split(/ |(?<=-)/u).every((p) => parts.has(p))).toBe(true);
  });

  it('never puts the hyphen at the start of a line', () => {
    for (let inner = 60; inner <= 200; inner += 4) {
      const size = fitFontSize('Sainte-Anne-de-la-Pocatière', inner, inner, atkinson);
      const lines = wrapText('Sainte-Anne-de-la-Pocatière', inner, size, atkinson);
      expect(
        lines.some((line) => line.startsWith('-')),
        lines.join(' | '),
      ).toBe(false);
    }
  });

  it('does not break at a non-breaking hyphen (U+2011)', () => {
    const joined = 'Rivière\u2011du\u2011Loup';
    const size = fitFontSize(joined, INNER, INNER, atkinson);
    // Sized as one word, as before, and drawn on one line.
    expect(size).toBe(wholeWordSize(joined, INNER));
    expect(wrapText(joined, INNER, size, atkinson)).toEqual([joined]);
    // At 36 it does not fit whole: only the last resort cuts it (forced), which fitFontSize
    // never takes above the minimum size.
    expect(layoutText(joined, INNER, 36, atkinson).lines).toHaveLength(2);
    expect(layoutText(joined, INNER, 36, atkinson).forced).toBe(true);
    expect(layoutText('aa-bb', 15, 10, mono)).toEqual({
      lines: [
        { text: 'aa-', rest: '' },
        { text: 'bb', rest: '' },
      ],
      forced: false,
    });
    expect(layoutText('aa\u2011bb', 15, 10, mono).forced).toBe(true);
  });

  it('does not split a word without a hyphen: the size shrinks until it fits whole', () => {
    for (const text of ['Accompagnement', 'Témiscouata', 'intergénérationnelle']) {
      const size = fitFontSize(text, INNER, INNER, atkinson);
      expect(size).toBe(wholeWordSize(text, INNER));
      expect(wrapText(text, INNER, size, atkinson)).toEqual([text]);
    }
    // A slash is not a break (CSS does not break « et/ou » either): sized as one word.
    expect(wrapText('projets/actions', 40, 10, mono)).toEqual(['projets/', 'actions']);
    expect(fitFontSize('projets/actions', 40, 400, mono, 36, 4)).toBe(5);
    // An en dash is, as in CSS: « 2023– / 2024 ».
    expect(wrapText('2023–2024', 30, 10, mono)).toEqual(['2023–', '2024']);
  });

  it('a hyphen before a space, a leading hyphen or a double one breaks at the space only', () => {
    // Spaces opening a paragraph stay with its first word (no line of spaces alone).
    expect(wrapText('   Bic Rimouski', 30, 10, mono)).toEqual(['   Bic', 'Rimous', 'ki']);
    expect(wrapText('Loup - Rimouski', 25, 10, mono)).toEqual(['Loup', '-', 'Rimou', 'ski']);
    expect(wrapText('-5 degrés', 20, 10, mono)).toEqual(['-5', 'degr', 'és']);
    expect(wrapText('aa--bb', 20, 10, mono)).toEqual(['aa--', 'bb']);
  });
});

describe('the drawn lines give the text back', () => {
  const texts = [
    'Accompagne-moi !',
    'Sainte-Anne-de-la-Pocatière',
    'Implication citoyenne : Bas-Saint-Laurent',
    'Communication locale-régionale',
    'Communication entre organismes – services',
    'Liens de relais entre les organismes.  Partenariat pour toucher les clients dans le besoin = filet de sécurité',
    'Plus de latitude locale pour le choix des projets/actions',
    '1 accompagnant·e citoyen par MRC\u00a0: poste permanent assuré',
    '  Rivière-du-Loup\nTémiscouata-sur-le-Lac \n\nvis-à-vis ',
    'intergénérationnelle'.repeat(4),
  ];
  it.each([40, 90, 132, 192])('at every size, in a %d-unit box', (inner) => {
    for (const stored of texts) {
      const shown = keepPunctuationAttached(stored);
      for (let size = 8; size <= 36; size += 4) {
        const { lines } = layoutText(shown, inner, size, atkinson);
        // Exactly: the lines and what each break dropped (spaces, line feeds), no character
        // lost, added or moved.
        expect(lines.map((line) => line.text + line.rest).join('')).toBe(shown);
        expect(wrapText(shown, inner, size, atkinson)).toEqual(lines.map((line) => line.text));
        // A break drops only ordinary spaces (never a no-break one) and a line feed.
        for (const line of lines) expect(line.rest).toMatch(/^ *\n?$/u);
      }
    }
  });

  it('as a reader rejoins them: a space between lines, nothing after a hyphen', () => {
    for (const text of ['Accompagne-moi !', 'Implication citoyenne : Bas-Saint-Laurent']) {
      for (const note of [120, 160, SEED_NOTE]) {
        const inner = note - 28;
        const shown = keepPunctuationAttached(text);
        const lines = wrapText(shown, inner, fitFontSize(text, inner, inner, atkinson), atkinson);
        const rejoined = lines.reduce((all, line) =>
          all.endsWith('-') ? all + line : `${all} ${line}`,
        );
        expect(rejoined, lines.join(' | ')).toBe(shown);
      }
    }
  });
});

describe('« Accompagne-moi ! » (La Matanie) in the seed note', () => {
  const note: NoteShape = {
    id: 'shape:accompagne',
    type: 'note',
    x: 0,
    y: 0,
    w: SEED_NOTE,
    h: SEED_NOTE,
    rotation: 0,
    index: 'a1',
    parentId: null,
    color: 'yellow',
    text: 'Accompagne-moi !',
  };

  it('is drawn at 31 units at least (22 when the whole word had to fit one line)', () => {
    expect(wholeWordSize(note.text, INNER)).toBe(22);
    const ctx = { fonts, family: 'Atkinson Hyperlegible', images: {}, imageHref: () => null };
    expect(noteFontSize(ctx, note)).toBeGreaterThanOrEqual(31);
    // The export and the mosaic draw it so: two lines at that size in the SVG.
    const { svg } = renderSvg([note], { fonts });
    const drawn = [...svg.matchAll(/<text[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/gu)];
    expect(drawn.map((m) => m[2])).toEqual(['Accompagne-', 'moi\u202f!']);
    expect(drawn.every((m) => Number(m[1]) >= 31)).toBe(true);
  });
});
