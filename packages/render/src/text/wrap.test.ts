import { describe, expect, it } from 'vitest';
import { measure } from '../font/fonts.ts';
import { loadBundledFonts } from '../node.ts';
import { LINE_HEIGHT, fitFontSize, keepPunctuationAttached, wrapText } from './wrap.ts';

// A monospace font: each character is 0.5 em wide.
const mono = (text: string, size: number) => text.length * size * 0.5;

describe('wrapText', () => {
  it('wraps on words and keeps explicit line breaks', () => {
    expect(wrapText('Balises claires financement récurrent', 100, 10, mono)).toEqual([
      'Balises claires',
      'financement',
      'récurrent',
    ]);
    expect(wrapText('a\nb', 100, 10, mono)).toEqual(['a', 'b']);
  });
  it('breaks a word longer than the line', () => {
    expect(wrapText('abcdefghij', 30, 10, mono)).toEqual(['abcdef', 'ghij']);
  });
  // The editor's textarea breaks these where CSS does: the canvas breaks them the same way, so
  // the lines do not jump when editing ends.
  it('breaks after « ? » or « ! » before a letter, as the textarea does', () => {
    expect(wrapText('Quoi?Pourquoi?Comment?', 75, 10, mono)).toEqual([
      'Quoi?Pourquoi?',
      'Comment?',
    ]);
    expect(wrapText('Plaisir!Partenaires!', 60, 10, mono)).toEqual(['Plaisir!', 'Partenaires!']);
    // Never before a « ! », nor between « ?! » or before a closing « ».
    expect(wrapText('vraiment?!»', 50, 10, mono)).toEqual(['vraiment?!', '»']);
  });
  it('cuts a too-long hyphenated word piece by piece, as the textarea does', () => {
    // « Anticonstitutionnellement- » is cut; what is left of it ends at its hyphen, and the next
    // part starts its own line (the whole word was cut as one before: « ent-intergo… »).
    expect(wrapText('abcdefghij-klmnopqrs', 40, 10, mono)).toEqual([
      'abcdefgh',
      'ij-',
      'klmnopqr',
      's',
    ]);
  });
});

describe('fitFontSize', () => {
  it('keeps the largest size for short text', () => {
    expect(fitFontSize('Oui', 200, 200, mono)).toBe(36);
  });
  it('shrinks long text until it fits the note, and stops at the largest that fits', () => {
    const text =
      'Liens de relais entre les organismes. Partenariat pour toucher les clients dans le besoin = filet de sécurité';
    const size = fitFontSize(text, 180, 180, mono);
    expect(size).toBeLessThan(36);
    expect(wrapText(text, 180, size, mono).length * size * LINE_HEIGHT).toBeLessThanOrEqual(180);
    expect(wrapText(text, 180, size + 1, mono).length * (size + 1) * LINE_HEIGHT).toBeGreaterThan(
      180,
    );
  });
  it('shrinks rather than break a long word', () => {
    // "Financement" is 11 characters: at 36 px it would need 198 px.
    const size = fitFontSize('Financement systémique', 180, 180, mono);
    expect(11 * size * 0.5).toBeLessThanOrEqual(180);
    expect(size).toBe(32);
  });
  it('keeps words joined by a no-break space together', () => {
    expect(wrapText('Photomaton\u00a0: oui', 70, 10, mono)).toEqual(['Photomaton\u00a0:', 'oui']);
  });
  it('never goes below the minimum', () => {
    expect(fitFontSize('x'.repeat(5000), 100, 100, mono)).toBe(8);
  });
});

// The export's real measure: Atkinson Hyperlegible's advance widths (the canvas's typeface).
const fonts = loadBundledFonts();
const atkinson = (text: string, size: number) => measure(fonts.regular, text, size);
// A default note (200 units) less its padding, and a smaller one.
const NOTE = 200 - 28;
const SMALL = 160 - 28;

/** The note's lines as drawn: punctuation attached, at the fitted size. */
function noteLines(text: string, inner: number) {
  const size = fitFontSize(text, inner, inner, atkinson);
  return { size, lines: wrapText(keepPunctuationAttached(text), inner, size, atkinson) };
}

/** Every drawn line is made of whole words of the text (no word cut inside). */
function wholeWords(text: string, lines: string[]) {
  const words = new Set(keepPunctuationAttached(text).split(' '));
  return lines.every((line) => line.split(' ').every((word) => words.has(word)));
}

describe('note text from the forum never breaks inside a word', () => {
  it.each([
    ['Les incontournables', NOTE],
    ['Les incontournables !', SMALL],
    ['L’accessibilité universelle : transport, logement !', NOTE],
    ['L’accessibilité universelle : transport, logement !', SMALL],
    ['Implication citoyenne : 5 terrene, 3 ++', SMALL],
    ['Rémunération pour les personnes citoyennes.', 120 - 28],
  ])('« %s » in a %d-unit box', (text, inner) => {
    const { size, lines } = noteLines(text, inner);
    expect(wholeWords(text, lines), lines.join(' | ')).toBe(true);
    expect(lines.every((line) => atkinson(line, size) <= inner)).toBe(true);
    expect(lines.length * size * LINE_HEIGHT).toBeLessThanOrEqual(inner);
  });

  it('holds « : ; ! ? » to their word when sizing, as stored or as shown', () => {
    // Stored text has plain spaces; the canvas and the export show no-break ones.
    const stored = 'Les incontournables !';
    const shown = keepPunctuationAttached(stored);
    expect(shown).toBe('Les incontournables\u202F!');
    const size = fitFontSize(stored, SMALL, SMALL, atkinson);
    expect(fitFontSize(shown, SMALL, SMALL, atkinson)).toBe(size);
    expect(atkinson('incontournables\u202F!', size)).toBeLessThanOrEqual(SMALL);
    // The largest such size: one more and « incontournables ! » would not fit.
    expect(atkinson('incontournables\u202F!', size + 1)).toBeGreaterThan(SMALL);
  });

  it('breaks a word only below the minimum size, where the canvas breaks it', () => {
    // 20 characters at 5 units each do not fit 40 units: the widest prefix per line, as Konva.
    const text = 'intergénérationnelle';
    expect(fitFontSize(text, 40, 400, mono, 36, 10)).toBe(10);
    expect(wrapText(text, 40, 10, mono)).toEqual(['intergén', 'érationn', 'elle']);
  });

  it('breaks after a hyphen, the hyphen ending the line (see hyphens.test.ts)', () => {
    expect(wrapText('Territoire du Bas-Saint-Laurent', 100, 10, mono)).toEqual([
      'Territoire du Bas-',
      'Saint-Laurent',
    ]);
    // The size is the largest at which each piece (« Bas- », « Saint- », « Laurent ») fits: a
    // hyphenated name no longer has to fit whole (17 characters: 10 in a 90-unit box).
    expect(fitFontSize('Bas-Saint-Laurent', 90, 200, mono, 36, 8)).toBe(25);
    expect(wrapText('Bas-Saint-Laurent', 90, 25, mono)).toEqual(['Bas-', 'Saint-', 'Laurent']);
    // The hyphen stays at the line's end: Konva's wrap gave « Bas-Saint » then « -Laurent »
    // here, as 9 characters fit and the tenth is a hyphen...
    expect(wrapText('Bas-Saint-Laurent', 45, 10, mono)).toEqual(['Bas-', 'Saint-', 'Laurent']);
    // ...unless the last resort cuts the word between letters: « Saint- » is wider than 29.
    expect(wrapText('Saint-Luc', 29, 10, mono)).toEqual(['Saint', '-Luc']);
  });
});
